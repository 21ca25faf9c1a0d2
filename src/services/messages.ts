// 站内消息: an account reads its own messages (newest first, with the unread count) and marks them
// read; nobody reads another account's messages (a message of someone else answers 404).
import type { Database } from '../db/client';
import { listMessages, type MessageRow, markAllRead, markRead, unreadCount } from '../db/messages';
import type { Page, PageRequest } from '../db/paging';
import { NotFoundError } from './errors';

export type { MessageRow } from '../db/messages';

export async function readMessages(
  database: Database,
  userId: number,
  filter: { unread?: boolean },
  page: PageRequest,
): Promise<Page<MessageRow> & { unread: number }> {
  const result = await listMessages(database.db, { userId, unread: filter.unread }, page);
  return { ...result, unread: await unreadCount(database.db, userId) };
}

export async function markMessageRead(
  database: Database,
  userId: number,
  id: number,
  now: Date,
): Promise<{ message: MessageRow; unread: number }> {
  const message = await markRead(database.db, userId, id, now);
  if (!message) throw new NotFoundError('未找到');
  return { message, unread: await unreadCount(database.db, userId) };
}

export async function markAllMessagesRead(
  database: Database,
  userId: number,
  now: Date,
): Promise<{ marked: number }> {
  return { marked: await markAllRead(database.db, userId, now) };
}
