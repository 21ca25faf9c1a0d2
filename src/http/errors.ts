// Errors as interfaces.md says: { error: { code, message, details } }, never a stack trace.
// Refusals (403/404 by policy, CSRF) are written to the audit log here, in one place.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { SchemeError } from '../domain/evaluation/scheme';
import { PeriodError } from '../domain/period';
import { NOT_FOUND_MESSAGE, NotAllowedError } from '../policies/authorize';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '../services/database';
import {
  AuthenticationError,
  ConflictError,
  InputRejectedError,
  NotFoundError,
  PendingStepError,
  RuleViolationError,
  UsageError,
} from '../services/errors';
import { recordRefusal } from '../services/record-refusal';
import { CsrfError, clearSessionCookie } from './plugins/session';
import type { AppDeps } from './request-auth';
import { BusyError, UploadTooLargeError } from './upload-limit';

export function registerErrorHandler(app: FastifyInstance, deps: AppDeps): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const send = (status: number, code: string, message: string, details: unknown = null) =>
      reply.status(status).send({ error: { code, message, details } });
    // PostgreSQL restarting, failing over or cut off: the pool reconnects on the next request.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return send(503, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    if (error instanceof NotAllowedError) {
      await auditRefusal(deps, request, error.action, error.status);
      return error.status === 404
        ? send(404, 'not_found', NOT_FOUND_MESSAGE)
        : send(403, 'forbidden', error.message);
    }
    if (error instanceof CsrfError) {
      await auditRefusal(deps, request, 'csrf', 403);
      return send(403, 'csrf', error.message);
    }
    if (error instanceof AuthenticationError) {
      if (error.code === 'session_expired') clearSessionCookie(reply);
      return send(401, error.code, error.message);
    }
    if (error instanceof PendingStepError) return send(403, error.code, error.message);
    if (error instanceof InputRejectedError)
      return send(422, 'input_rejected', error.message, error.problems);
    if (error instanceof SchemeError) return send(422, 'invalid_scheme', error.message, error.issues);
    if (error instanceof RuleViolationError) return send(422, 'rule_violation', error.message, error.details);
    if (error instanceof NotFoundError) return send(404, 'not_found', error.message);
    if (error instanceof ConflictError) return send(409, 'conflict', error.message);
    if (error instanceof UsageError || error instanceof PeriodError)
      return send(400, 'bad_request', error.message);
    if (error instanceof ZodError) return send(400, 'validation', '请求参数不符合要求', zodIssues(error));
    if (error.validation) return send(400, 'validation', error.message, error.validation);
    if (error instanceof UploadTooLargeError) return send(413, 'too_large', error.message);
    // Too many uploads or heavy requests at once (upload-limit.ts, heavy-requests.ts).
    if (error instanceof BusyError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return send(429, error.code, error.message);
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE')
      return send(413, 'too_large', '请求体过大');
    if (error.statusCode === 429) return send(429, 'rate_limited', '请求过于频繁，请稍后再试');
    if (error.statusCode === 415) return send(415, 'unsupported_media_type', '不支持的内容类型');
    if (error.statusCode && error.statusCode < 500)
      return send(error.statusCode, 'bad_request', error.message);
    // A character the database cannot store (NUL) that nul-guard.ts did not see: bad input, not a fault.
    if (hasSqlState(error, UNSTORABLE_CHARACTER))
      return send(400, 'bad_request', '输入含有数据库无法保存的字符（如空字符 NUL），请删除后重试');
    request.log.error({ err: error }, 'unhandled error');
    // The request id lets the operator find this error's log line (X-Request-Id carries it too).
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `服务器内部错误（请求编号 ${request.id}）`,
        details: null,
        requestId: request.id,
      },
    });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: NOT_FOUND_MESSAGE, details: null } }),
  );
}

// 22021 character_not_in_repertoire (a NUL byte in text), 22P05 untranslatable_character (\u0000 in jsonb).
const UNSTORABLE_CHARACTER = new Set(['22021', '22P05']);

/** True when the error, or one in its cause chain (drizzle wraps the driver's), has one of `codes`. */
function hasSqlState(error: unknown, codes: ReadonlySet<string>): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && codes.has(code)) return true;
    e = cause;
  }
  return false;
}

function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/** Every permission denial gets an audit record (security.md: audit). */
async function auditRefusal(
  deps: AppDeps,
  request: FastifyRequest,
  action: string,
  status: number,
): Promise<void> {
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  try {
    await recordRefusal(deps.database, {
      actor: request.auth?.user.username ?? 'anonymous',
      ip: request.ip,
      action,
      route,
      status,
      params: request.params ?? null,
    });
  } catch (auditError) {
    request.log.error({ err: auditError }, 'could not audit a refusal');
  }
}
