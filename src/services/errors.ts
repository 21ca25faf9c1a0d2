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

/** Not signed in, the session ended, or the credentials were refused. HTTP 401. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The signed-in account must first change its password or enrol its second factor. HTTP 403. */
export class PendingStepError extends Error {
  override name = 'PendingStepError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request is well-formed but breaks a business rule (password policy, workflow). HTTP 422. */
export class RuleViolationError extends Error {
  override name = 'RuleViolationError';
  constructor(
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}
