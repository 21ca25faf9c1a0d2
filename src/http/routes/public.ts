// /api/public/*: no session. Only the demo accounts for now (when started with --demo).
import type { FastifyInstance } from 'fastify';
import { NOT_FOUND_MESSAGE } from '../../policies/authorize';
import { DEMO_PASSWORD, demoAccounts } from '../../services/auth/demo-accounts';
import { NotFoundError } from '../../services/errors';
import type { AppDeps } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZDemoAccounts } from './public.types';

export function publicRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/demo-accounts',
    {
      config: { access: 'public' },
      schema: {
        summary: '演示账户（仅在 serve --demo 时可用）',
        tags: ['public'],
        response: { 200: ZDemoAccounts },
      },
    },
    async () => {
      if (!deps.demo) throw new NotFoundError(NOT_FOUND_MESSAGE);
      return {
        password: DEMO_PASSWORD,
        note: '演示模式：数据为模拟数据；演示管理员账户免动态验证码。切勿在生产环境使用 --demo。',
        accounts: demoAccounts(),
      };
    },
  );
}
