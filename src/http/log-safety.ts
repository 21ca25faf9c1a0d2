// Error logs without personal data (issue #14 item 10). A failing query's error carries its
// parameters (drizzle's "Failed query: … params: …", its `params`), and PostgreSQL's own message and
// detail quote the offending value ('invalid input syntax for type integer: "张三"', 'Key (id_card)=(…)
// already exists'). Logged as they are, names, phone numbers and ID numbers would end up in log
// files that are kept and shipped far less carefully than the database. So errors are logged
// through this serializer: the SQL text with its $n placeholders, the SQLSTATE and the constraint,
// table and column it names — enough to find the fault — and never a parameter or a quoted value.

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  code?: string;
  query?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The call frames only (the first line of a stack repeats the message). */
  stack: string;
  cause?: LoggedError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_DEPTH = 5;

export function serializeErrorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null))
    return { type: typeof error, message: '(non-error value thrown)', stack: '' };
  const e = error as Error & Record<string, unknown>;
  const type = e.name ?? e.constructor?.name ?? 'Error';
  const frames =
    typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => l.startsWith('    at ')) : [];
  const out: LoggedError = { type, message: '', stack: frames.join('\n') };
  if (typeof e.query === 'string' && 'params' in e) {
    // drizzle's DrizzleQueryError: the statement, not its parameters (nor the message naming them).
    out.message = 'Failed query';
    out.query = e.query.slice(0, 2000);
  } else if (typeof e.code === 'string' && SQLSTATE.test(e.code) && ('severity' in e || 'routine' in e)) {
    // A PostgreSQL (or PGlite) error: its message and detail may quote the value.
    out.message = `database error ${e.code}`;
  } else {
    out.message = typeof e.message === 'string' ? e.message.slice(0, 1000) : '';
  }
  if (typeof e.code === 'string') out.code = e.code;
  for (const key of ['constraint', 'table', 'column'] as const) {
    if (typeof e[key] === 'string') out[key] = e[key] as string;
  }
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeErrorForLog(e.cause, depth + 1);
  return out;
}
