// Sign-in, sign-out, the current account, password change and TOTP enrolment.
import type { FastifyInstance } from 'fastify';
import { loadAccount } from '../../services/auth/accounts';
import { actorOf } from '../../services/auth/actor';
import { changePassword } from '../../services/auth/change-password';
import { login } from '../../services/auth/login';
import { logout } from '../../services/auth/logout';
import { pendingStep } from '../../services/auth/sessions';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../services/auth/totp-enrolment';
import { loadSettings } from '../../services/settings';
import { clearSessionCookie, setSessionCookie } from '../plugins/session';
import { presentSelf } from '../presenters/account';
import { type AppDeps, auditContext, authOf } from '../request-auth';
import { ZOk } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import {
  ZLoginBody,
  ZPasswordBody,
  ZSessionResponse,
  ZTotpEnrolBody,
  ZTotpEnrolResponse,
  ZTotpVerifyBody,
} from './auth.types';

export interface LoginRateLimit {
  max: number;
  timeWindow: number;
}

export function authRoutes(root: FastifyInstance, deps: AppDeps, rateLimit: LoginRateLimit): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit },
      schema: {
        summary: '登录（管理员角色须附动态验证码）',
        tags: ['auth'],
        body: ZLoginBody,
        response: { 200: ZSessionResponse },
      },
    },
    async (request, reply) => {
      const ctx = auditContext(request, deps);
      const result = await login(database, ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
        demoMode: deps.demo,
      });
      const settings = await loadSettings(database.db);
      setSessionCookie(request, reply, result, settings);
      const actor = await actorOf(database, result.user);
      return {
        user: presentSelf(actor, result.user, result.pending),
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'pending' },
      schema: { summary: '退出登录（服务端结束会话）', tags: ['auth'], response: { 200: ZOk } },
    },
    async (request, reply) => {
      await logout(database, auditContext(request, deps), authOf(request).token);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'pending' },
      schema: { summary: '当前账户与会话', tags: ['auth'], response: { 200: ZSessionResponse } },
    },
    async (request) => {
      const auth = authOf(request);
      return {
        user: presentSelf(auth.actor, auth.user, auth.pending),
        csrfToken: auth.session.csrfToken,
        expiresAt: auth.session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'pending' },
      schema: {
        summary: '修改本人密码（结束全部会话并签发新会话）',
        tags: ['auth'],
        body: ZPasswordBody,
        response: { 200: ZSessionResponse },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const session = await changePassword(database, auditContext(request, deps), {
        userId: auth.user.id,
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, session, auth.settings);
      const { user } = await loadAccount(database, auth.user.id);
      const actor = await actorOf(database, user);
      const pending = pendingStep(user, auth.settings, deps.clock());
      return {
        user: presentSelf(actor, user, pending),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { access: 'pending' },
      schema: {
        summary: '开始绑定动态验证码（密钥只显示一次）',
        tags: ['auth'],
        body: ZTotpEnrolBody,
        response: { 200: ZTotpEnrolResponse },
      },
    },
    async (request) =>
      startTotpEnrolment(
        database,
        auditContext(request, deps),
        authOf(request).user.id,
        request.body.password,
      ),
  );

  app.post(
    '/api/auth/totp/verify',
    {
      config: { access: 'pending' },
      schema: {
        summary: '以一个动态验证码确认绑定',
        tags: ['auth'],
        body: ZTotpVerifyBody,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await confirmTotpEnrolment(
        database,
        auditContext(request, deps),
        authOf(request).user.id,
        request.body.code,
      );
      return { ok: true as const };
    },
  );
}
