// 站内消息: the signed-in account's own messages (GET /api/messages) and marking them read.
import type { FastifyInstance } from 'fastify';
import { type MessageRow, markAllMessagesRead, markMessageRead, readMessages } from '../../services/messages';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { ZIdParams } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZMessageList, ZMessageRead, ZMessagesQuery, ZMessagesReadAll } from './messages.types';

const present = ({ userId: _userId, ...row }: MessageRow) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export function messageRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];

  app.get(
    '/api/messages',
    {
      schema: {
        summary: '站内消息：本人的消息（新的在前）与未读条数',
        tags,
        querystring: ZMessagesQuery,
        response: { 200: ZMessageList },
      },
    },
    async (request) => {
      const { unread, page, pageSize } = request.query;
      const result = await readMessages(
        deps.database,
        actorOfRequest(request).id,
        { unread },
        { page, pageSize },
      );
      return { ...result, items: result.items.map(present) };
    },
  );

  app.post(
    '/api/messages/:id/read',
    {
      schema: {
        summary: '标为已读（只能是本人的消息；他人的答 404）',
        tags,
        params: ZIdParams,
        response: { 200: ZMessageRead },
      },
    },
    async (request) => {
      const result = await markMessageRead(
        deps.database,
        actorOfRequest(request).id,
        request.params.id,
        deps.clock(),
      );
      return { ...result, message: present(result.message) };
    },
  );

  app.post(
    '/api/messages/read-all',
    { schema: { summary: '本人的未读消息全部标为已读', tags, response: { 200: ZMessagesReadAll } } },
    async (request) => markAllMessagesRead(deps.database, actorOfRequest(request).id, deps.clock()),
  );
}
