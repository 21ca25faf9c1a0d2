// Authentication on every request before anything else runs (default deny: a route is public
// only when it says so), CSRF checks on writes, and the pending-step gate.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../services/auth/actor';
import { authenticate, type NewSession, SESSION_COOKIE } from '../../services/auth/sessions';
import { PendingStepError } from '../../services/errors';
import type { Settings } from '../../services/settings';
import type { AppDeps } from '../request-auth';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A write refused for lack of a valid CSRF token or a foreign Origin. */
export class CsrfError extends Error {
  override name = 'CsrfError';
}

const PENDING_MESSAGES = {
  password_change: '首次登录或密码已重置，请先修改密码',
  password_expired: '密码已过期，请先修改密码',
  totp_enrolment: '管理员账户须先绑定动态验证码',
} as const;

export function sessionHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const unsafe = !SAFE_METHODS.has(request.method);
    const access = request.routeOptions.config?.access ?? 'session';
    if (access === 'public') {
      if (unsafe) checkOrigin(request);
      return;
    }
    const token = request.cookies[SESSION_COOKIE] ?? '';
    const auth = await authenticate(deps.database, token, deps.clock(), deps.demo, deps.readCache);
    request.auth = { ...auth, actor: await actorOf(deps.database, auth.user), token };
    if (unsafe) {
      checkOrigin(request);
      if (!sameToken(request.headers[CSRF_HEADER], auth.session.csrfToken)) {
        throw new CsrfError('缺少或无效的 CSRF 令牌（请求头 x-csrf-token）');
      }
    }
    if (auth.pending && access !== 'pending')
      throw new PendingStepError(auth.pending, PENDING_MESSAGES[auth.pending]);
  });
}

/** A browser's Origin, when sent, must be this server: cross-site form posts are refused. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new CsrfError('拒绝跨站请求');
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new CsrfError('拒绝跨站请求');
  }
  if (host !== request.headers.host) throw new CsrfError('拒绝跨站请求');
}

function sameToken(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
  settings: Settings,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: settings['session.secureCookie'] || request.protocol === 'https',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
