// Accounts: the system administrator creates and maintains business accounts; the security
// administrator assigns roles and resets second factors (三员分立: who may act on whose account is
// the table in src/policies/account-duties.ts). Nobody acts on their own account here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ACCOUNTS_TABLE } from '../../domain/tables/accounts';
import { ACCOUNT_ACTION_RULE, type AccountAction } from '../../policies/account-duties';
import type { UserTarget } from '../../policies/actor';
import { authorizeRole, can, NotAllowedError } from '../../policies/authorize';
import { isAdminRole, ROLE_LABELS, type Role } from '../../policies/roles';
import {
  accountRole,
  changeRole,
  createAccount,
  listAccounts,
  loadAccount,
  resetPassword,
  resetTotp,
  setAccountDisabled,
  updateAccount,
} from '../../services/auth/accounts';
import { RuleViolationError } from '../../services/errors';
import { presentAccount } from '../presenters/account';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZVersionBody } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport } from '../table-export';
import {
  ZAccount,
  ZAccountWithPassword,
  ZRoleChange,
  ZUserCreate,
  ZUserExportQuery,
  ZUserList,
  ZUserPatch,
  ZUserQuery,
} from './users.types';

type UserQuery = z.output<typeof ZUserQuery>;

export function userRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['users'];

  /** The account acted on, for the rules of who may act on whose account (三员分立). */
  const targetOf = async (id: number): Promise<UserTarget> => {
    return { id, role: (await accountRole(database, id)) as Role };
  };
  /** Authorizes one account action (the table in src/policies/account-duties.ts). */
  const actOn = async (request: FastifyRequest, action: AccountAction, id: number) => {
    const actor = actorOfRequest(request);
    const rule = ACCOUNT_ACTION_RULE[action];
    authorizeRole(actor, rule);
    if (!can(actor, rule, await targetOf(id))) {
      throw new NotAllowedError(
        403,
        rule,
        actor.id === id
          ? '不能对本人账户执行此操作'
          : '三员分立：管理员账户的密码重置、修改、停用和启用只能由服务器上的操作员用 sibi user 命令执行',
      );
    }
    return actor;
  };

  /** A page of the accounts, presented as the list answers them. */
  async function readAccounts(
    request: FastifyRequest,
    { region, ...filter }: Omit<UserQuery, 'page' | 'pageSize' | 'sort'>,
    paging: Pick<UserQuery, 'page' | 'pageSize' | 'sort'>,
  ) {
    const actor = actorOfRequest(request);
    authorizeRole(actor, 'user.read');
    const result = await listAccounts(database, { ...filter, regionCode: region }, paging);
    const items = result.items.map((account) => presentAccount(actor, account.user, account.projectCodes));
    return { ...result, items };
  }

  app.get(
    '/api/users',
    { schema: { summary: '账户列表', tags, querystring: ZUserQuery, response: { 200: ZUserList } } },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return readAccounts(request, filter, { page, pageSize, sort });
    },
  );

  app.get(
    '/api/users/export',
    { schema: { summary: exportSummary('账户列表'), tags, querystring: ZUserExportQuery } },
    async (request, reply) => {
      authorizeRole(actorOfRequest(request), 'user.read');
      const { lang, sort, ...filter } = request.query;
      return sendTableExport(reply, request, deps, {
        kind: 'users',
        spec: ACCOUNTS_TABLE,
        lang,
        query: request.query,
        readPage: (page, pageSize) => readAccounts(request, filter, { page, pageSize, sort }),
      });
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        summary: '新建账户（返回一次性密码，首次登录须修改）',
        tags,
        body: ZUserCreate,
        response: { 201: ZAccountWithPassword },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'user.manage');
      if (isAdminRole(request.body.role)) {
        throw new RuleViolationError(
          `${ROLE_LABELS[request.body.role]}角色须由安全管理员分配：先建普通账户，再由安全管理员修改角色`,
        );
      }
      const { account, password } = await createAccount(database, auditContext(request, deps), request.body);
      reply.status(201);
      return { account: presentAccount(actor, account.user, account.projectCodes), password: password! };
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { summary: '账户详情', tags, params: ZIdParams, response: { 200: ZAccount } } },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'user.read');
      const account = await loadAccount(database, request.params.id);
      return presentAccount(actor, account.user, account.projectCodes);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        summary: '修改账户（姓名、地区、绑定项目）',
        tags,
        params: ZIdParams,
        body: ZUserPatch,
        response: { 200: ZAccount },
      },
    },
    async (request) => {
      const actor = await actOn(request, 'update', request.params.id);
      const { version, ...change } = request.body;
      const account = await updateAccount(
        database,
        auditContext(request, deps),
        request.params.id,
        version,
        change,
      );
      return presentAccount(actor, account.user, account.projectCodes);
    },
  );

  for (const [path, disabled, summary] of [
    ['disable', true, '停用账户（立即结束其全部会话）'],
    ['enable', false, '启用账户（并解除锁定）'],
  ] as const) {
    app.post(
      `/api/users/:id/${path}`,
      { schema: { summary, tags, params: ZIdParams, body: ZVersionBody, response: { 200: ZAccount } } },
      async (request) => {
        const actor = await actOn(request, disabled ? 'disable' : 'enable', request.params.id);
        const account = await setAccountDisabled(
          database,
          auditContext(request, deps),
          request.params.id,
          request.body.version,
          disabled,
        );
        return presentAccount(actor, account.user, account.projectCodes);
      },
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        summary: '重置密码（返回一次性密码，结束其全部会话）',
        tags,
        params: ZIdParams,
        response: { 200: ZAccountWithPassword },
      },
    },
    async (request) => {
      const actor = await actOn(request, 'resetPassword', request.params.id);
      const { account, password } = await resetPassword(
        database,
        auditContext(request, deps),
        request.params.id,
      );
      return { account: presentAccount(actor, account.user, account.projectCodes), password };
    },
  );

  app.put(
    '/api/users/:id/role',
    {
      schema: {
        summary: '修改角色（安全管理员；结束其全部会话）',
        tags,
        params: ZIdParams,
        body: ZRoleChange,
        response: { 200: ZAccount },
      },
    },
    async (request) => {
      const actor = await actOn(request, 'changeRole', request.params.id);
      const { version, ...change } = request.body;
      const account = await changeRole(
        database,
        auditContext(request, deps),
        request.params.id,
        version,
        change,
      );
      return presentAccount(actor, account.user, account.projectCodes);
    },
  );

  app.post(
    '/api/users/:id/reset-totp',
    {
      schema: {
        summary: '重置动态验证码（安全管理员）',
        tags,
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZAccount },
      },
    },
    async (request) => {
      const actor = await actOn(request, 'resetTotp', request.params.id);
      const account = await resetTotp(
        database,
        auditContext(request, deps),
        request.params.id,
        request.body.version,
      );
      return presentAccount(actor, account.user, account.projectCodes);
    },
  );
}
