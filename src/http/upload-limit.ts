/** The largest upload accepted (security.md: input; the spreadsheet reader checks the rest). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** An upload cut off at the limit. HTTP 413. */
export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  readonly statusCode = 413;
  constructor() {
    super(`上传文件超过 ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`);
  }
}
