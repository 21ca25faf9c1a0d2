// What a request carries once authenticated, and the helpers routes use to read it.

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../policies/actor';
import type { PendingStep } from '../services/auth/sessions';
import type { AuditContext } from '../services/context';
import type { Database } from '../services/database';
import { AuthenticationError } from '../services/errors';
import type { ReadCache } from '../services/read-cache';
import type { SessionRow, UserRow } from '../services/row-types';
import type { Settings } from '../services/settings';

export interface RequestAuth {
  actor: Actor;
  user: UserRow;
  session: SessionRow;
  settings: Settings;
  pending: PendingStep;
  token: string;
  /** The data version read with the session: the cached reads' "before" (src/http/cached-reply.ts). */
  dataVersion: string;
}

/** Who may call a route: anyone, a signed-in user with a pending step (password, TOTP), or a full session. */
export type Access = 'public' | 'pending' | 'session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** What every route needs from the application. */
export interface AppDeps {
  database: Database;
  clock: () => Date;
  demo: boolean;
  /** Answers kept per data version (src/services/read-cache.ts), for this server's cached reads. */
  readCache: ReadCache;
}

export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AuthenticationError('unauthenticated', '请先登录');
  return request.auth;
}

export const actorOfRequest = (request: FastifyRequest): Actor => authOf(request).actor;

export function auditContext(request: FastifyRequest, deps: AppDeps): AuditContext {
  return {
    actor: request.auth?.user.username ?? 'anonymous',
    ip: request.ip,
    now: deps.clock(),
    userId: request.auth?.user.id ?? null,
  };
}
