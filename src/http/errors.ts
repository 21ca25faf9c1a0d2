// Errors as interfaces.md says: { error: { code, message, details } }, never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { PeriodError } from '../domain/period';
import { ConflictError, InputRejectedError, NotFoundError, UsageError } from '../services/errors';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, code: string, message: string, details: unknown = null) =>
      reply.status(status).send({ error: { code, message, details } });
    if (error instanceof InputRejectedError) return send(422, 'input_rejected', error.message, error.problems);
    if (error instanceof NotFoundError) return send(404, 'not_found', error.message);
    if (error instanceof ConflictError) return send(409, 'conflict', error.message);
    if (error instanceof UsageError || error instanceof PeriodError) return send(400, 'bad_request', error.message);
    if (error.validation) return send(400, 'validation', error.message, error.validation);
    if (error.statusCode === 413) return send(413, 'too_large', '请求体过大');
    if (error.statusCode && error.statusCode < 500) return send(error.statusCode, 'bad_request', error.message);
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal', '服务器内部错误');
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: '未找到', details: null } }),
  );
}
