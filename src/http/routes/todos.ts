// 待办: what the signed-in account must do now (GET /api/todos), with the counts for the menu badges.
import type { FastifyInstance } from 'fastify';
import { listTodos } from '../../services/todos';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZTodoList } from './todos.types';

export function todoRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/todos',
    {
      schema: {
        summary: '待办：本人按角色与范围须办的事项（本期待填报、退回、待审核、逾期单位），及菜单角标数',
        tags: ['todos'],
        response: { 200: ZTodoList },
      },
    },
    // Every signed-in account has a list (its own scope decides what is in it; empty for some roles).
    async (request) =>
      listTodos(deps.database, actorOfRequest(request), deps.clock(), (key, compute) =>
        deps.readCache.readNow(key, compute),
      ),
  );
}
