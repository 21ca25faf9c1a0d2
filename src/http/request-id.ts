// Request ids (issue #14 item 10): every request gets one, written in each log line of the request
// (reqId), sent back as X-Request-Id on every answer and in the body of a 5xx error, so an operator
// can find the log of the request a user reports. An id from a load balancer or proxy in front
// (X-Request-Id) is kept when it is short and plain; anything else (spaces, quotes, newlines that
// would forge log lines, 65+ characters) is replaced by a fresh UUID.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && PLAIN_ID.test(given) ? given : randomUUID();
}

/** Sends the id back on every answer, errors and web pages included. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
