// 站内消息: an account's messages, newest first, and marking them read (only its own).
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Page, type PageRequest, readPage, totalColumn } from './paging';
import type { Tx } from './query';
import { messages } from './schema-messages';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Pick<MessageRow, 'userId' | 'kind' | 'title' | 'body' | 'link'> & {
  createdAt: Date;
};

export async function insertMessages(db: Tx, rows: readonly NewMessage[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(messages)
    .values([...rows])
    .returning({ id: messages.id });
  return inserted.length;
}

export function listMessages(
  db: Tx,
  filter: { userId: number; unread?: boolean },
  request: PageRequest,
): Promise<Page<MessageRow>> {
  return readPage(
    db
      .select({
        id: messages.id,
        userId: messages.userId,
        kind: messages.kind,
        title: messages.title,
        body: messages.body,
        link: messages.link,
        createdAt: messages.createdAt,
        readAt: messages.readAt,
        total: totalColumn(),
      })
      .from(messages)
      .where(and(eq(messages.userId, filter.userId), filter.unread ? isNull(messages.readAt) : undefined))
      .orderBy(desc(messages.id)),
    request,
  );
}

export async function unreadCount(db: Tx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.userId, userId), isNull(messages.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the account's messages read (a message read before keeps its time); false: not its message. */
export async function markRead(
  db: Tx,
  userId: number,
  id: number,
  now: Date,
): Promise<MessageRow | undefined> {
  const [row] = await db
    .update(messages)
    .set({ readAt: sql`coalesce(${messages.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(messages.id, id), eq(messages.userId, userId)))
    .returning();
  return row;
}

/** Marks all of the account's unread messages read; answers how many. */
export async function markAllRead(db: Tx, userId: number, now: Date): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.userId, userId), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return rows.length;
}
