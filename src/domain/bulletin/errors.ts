/** The inputs cannot make the document asked for (e.g. the unit is not in the evaluation). */
export class BulletinInputError extends Error {
  override name = 'BulletinInputError';
}
