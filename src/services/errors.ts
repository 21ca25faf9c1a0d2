import type { InputProblem } from '../domain/records';

/** The input was rejected: nothing was written. CLI exit code 1, HTTP 422. */
export class InputRejectedError extends Error {
  constructor(
    message: string,
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
    this.name = 'InputRejectedError';
  }
}

/** The command or request was malformed. CLI exit code 2, HTTP 400. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A stale write (version mismatch) or a conflicting state transition. HTTP 409. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}
