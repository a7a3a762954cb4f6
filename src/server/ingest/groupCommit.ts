/**
 * Group commit for ingest: the batches that arrive while one transaction
 * is being written wait, and are then written together in the next one,
 * so a busy server commits (and syncs to disk) once for many tablets (on
 * PostgreSQL two such transactions run at a time). Each
 * batch is acknowledged only after the transaction holding it committed,
 * and a batch that conflicts fails alone. Per group, in order:
 *
 * 1. a batch carrying an id with a different body than an earlier batch
 *    of the same group waits for the next group, where it is compared with
 *    what the first one stored (whichever matches the stored body wins);
 * 2. in one transaction: the rounds locked against a concurrent release
 *    (PostgreSQL; SQLite has one writer);
 * 3. every response inserted unless its id is stored; only for ids already
 *    stored is the stored hash compared. A batch with a different body
 *    fails (409): the transaction is rolled back and the group written
 *    again without it;
 * 4. answers and comments of the new responses, many rows per statement;
 * 5. the summary rows of the new responses, summed over the group;
 * 6. commit, then every batch of the group is acknowledged.
 *
 * Any other failure of a group is retried batch by batch, so one bad
 * batch cannot fail others. Steps 2–5 are the group writer's: prepared
 * statements on SQLite (writeSqlite.ts), Kysely on PostgreSQL (writeKysely.ts).
 */
import type { Kysely } from 'kysely';
import { HttpError } from '../apiErrors.ts';
import { sqliteHandleOf } from '../db/database.ts';
import { isTransientConflict, isUniqueViolation } from '../db/errors.ts';
import { perDatabase } from '../db/perDatabase.ts';
import type { Database } from '../db/schema.ts';
import { ConflictingIds, type GroupWriter } from './groupWriter.ts';
import type { PreparedResponse } from './preparedResponse.ts';
import { kyselyWriter } from './writeKysely.ts';
import { sqliteWriter } from './writeSqlite.ts';
import { nextTurn } from '../nextTurn.ts';

interface Batch {
  readonly items: readonly PreparedResponse[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Responses per transaction. On SQLite a group is written synchronously,
 * so this bounds how long other requests wait (about 0.1 ms per response).
 */
const GROUP_RESPONSES = 300;
const POSTGRES_LANES = 2;

const conflict = (responseId: string) => new HttpError(409, 'conflict', { responseId });

/** Step 1: the first batch of the group to carry an id owns it; a later one with another body waits for the next group. */
function claimIds(group: readonly Batch[]): { claimed: Map<string, PreparedResponse>; deferred: Batch[] } {
  const claimed = new Map<string, PreparedResponse>();
  const deferred: Batch[] = [];
  for (const batch of group) {
    const clash = batch.items.some((item) => {
      const owner = claimed.get(item.response.id);
      return owner !== undefined && owner.response.body_hash !== item.response.body_hash;
    });
    if (clash) deferred.push(batch);
    else for (const item of batch.items) if (!claimed.has(item.response.id)) claimed.set(item.response.id, item);
  }
  return { claimed, deferred };
}

/** Writes a group; settles every batch in it. */
async function commitGroup(db: Kysely<Database>, write: GroupWriter, group: readonly Batch[], attempt = 1): Promise<void> {
  const { claimed, deferred } = claimIds(group);
  const remaining = group.filter((b) => !deferred.includes(b));
  await writeAndSettle(db, write, remaining, claimed, attempt);
  if (deferred.length > 0) await commitGroup(db, write, deferred);
}

async function writeAndSettle(db: Kysely<Database>, write: GroupWriter, remaining: readonly Batch[], claimed: Map<string, PreparedResponse>, attempt: number): Promise<void> {
  if (remaining.length === 0) return;
  try {
    await write(db, [...claimed.values()]);
    for (const batch of remaining) batch.resolve();
  } catch (error) {
    if (error instanceof ConflictingIds) {
      const ids = new Set(error.ids);
      const failed = remaining.filter((batch) => batch.items.some((item) => ids.has(item.response.id)));
      for (const batch of failed) batch.reject(conflict(batch.items.find((item) => ids.has(item.response.id))!.response.id));
      return commitGroup(db, write, remaining.filter((b) => !failed.includes(b)), attempt);
    }
    // Another process storing the same new id at the same moment (the next attempt sees it stored),
    // or PostgreSQL breaking a lock cycle between two processes' transactions.
    if (attempt < 4 && (isUniqueViolation(error) || isTransientConflict(error))) return commitGroup(db, write, remaining, attempt + 1);
    if (remaining.length > 1) {
      for (const batch of remaining) await commitGroup(db, write, [batch], attempt);
      return;
    }
    remaining[0]!.reject(error);
  }
}


export class GroupCommitter {
  private readonly queue: Batch[] = [];
  private writing = 0;
  private readonly writer: GroupWriter;
  /**
   * Groups written at once: SQLite has one connection; PostgreSQL writes a
   * second group while the first commits (their summary rows, upserted in
   * key order, wait for each other only at the end).
   */
  private readonly lanes: number;

  constructor(private readonly db: Kysely<Database>) {
    const sqlite = sqliteHandleOf(db);
    this.writer = sqlite ? sqliteWriter(sqlite) : kyselyWriter;
    this.lanes = sqlite ? 1 : POSTGRES_LANES;
  }

  /** Resolves once the batch is durable; rejects with 409 if it conflicts with what is stored. */
  write(items: readonly PreparedResponse[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (this.writing < this.lanes) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing += 1;
    try {
      while (this.queue.length > 0) {
        // A turn of the event loop first: requests that arrived meanwhile join this group.
        await nextTurn();
        const group: Batch[] = [];
        let size = 0;
        while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0]!.items.length <= GROUP_RESPONSES)) {
          const batch = this.queue.shift()!;
          group.push(batch);
          size += batch.items.length;
        }
        await commitGroup(this.db, this.writer, group).catch((error: unknown) => group.forEach((batch) => batch.reject(error)));
      }
    } finally {
      this.writing -= 1;
    }
  }
}

export const groupCommitter = perDatabase((db) => new GroupCommitter(db));
