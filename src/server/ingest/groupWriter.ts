/** What a group writer does (steps 2–5 of groupCommit.ts) and how it says a resend conflicts. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PreparedResponse } from './preparedResponse.ts';

/** Writes the responses of one group in one transaction, or changes nothing and throws. */
export type GroupWriter = (db: Kysely<Database>, items: readonly PreparedResponse[]) => Promise<void>;

/** Ids already stored with another body: the writer rolled back. */
export class ConflictingIds extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`already stored with another body: ${ids.join(', ')}`);
  }
}
