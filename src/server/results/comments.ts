/**
 * The comments relatives wrote, for the sections whose comment measure
 * disclosure control shows. Bodies are read from the raw rows (they are
 * what is shown), ordered by the random response id.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { groupResponses, type GroupFilter } from './filters.ts';

export async function commentsOf(db: Kysely<Database>, filter: GroupFilter): Promise<{ key: string; body: string }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['comments.comment_key', 'comments.body'])
    .where('comments.response_id', 'in', groupResponses(db, filter))
    // Ordered by the random response id: no order of arrival that could point to a person.
    .orderBy('comments.comment_key')
    .orderBy('comments.response_id')
    .execute();
  return rows.map((r) => ({ key: r.comment_key, body: r.body }));
}
