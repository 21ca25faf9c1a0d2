/** SIBI_DATA_DIR points at a folder that cannot be used: not a database, or in use by another process. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}
