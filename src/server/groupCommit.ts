/**
 * Group commit for ingest: the batches that arrive while one transaction
 * is being written wait, and are then written together in the next one,
 * so a busy server commits (and syncs to disk) once for many tablets. Each
 * batch is acknowledged only after the transaction holding it committed,
 * and a batch that conflicts fails alone. Per group, in order:
 *
 * 1. a batch resending an id with a different body than an earlier batch
 *    of the same group fails (409) before anything is written;
 * 2. in one transaction: the rounds locked against a concurrent release
 *    (PostgreSQL; SQLite has one writer);
 * 3. every response inserted with ON CONFLICT DO NOTHING; only the ids that
 *    were already stored are read back and their hashes compared. A batch
 *    with a different body fails (409): the transaction is rolled back and
 *    the group written again without it;
 * 4. answers and comments of the new responses, many rows per statement;
 * 5. the summary rows of the new responses, summed over the group;
 * 6. commit, then every batch of the group is acknowledged.
 *
 * Any other failure of a group is retried batch by batch, so one bad
 * batch cannot fail others.
 */
import type { Kysely } from 'kysely';
import { HttpError } from './apiErrors.ts';
import { isPostgres } from './db/database.ts';
import { isUniqueViolation } from './db/errors.ts';
import type { Database } from './db/schema.ts';
import { storedResponse, type PreparedResponse } from './preparedResponse.ts';
import { summarise } from './summaries/contribution.ts';
import { addSummaries } from './summaries/writeSummaries.ts';

interface Batch {
  readonly items: readonly PreparedResponse[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Responses per transaction: bounds how long one group holds SQLite's one connection. */
const GROUP_RESPONSES = 400;
/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 1000;

class Conflicts extends Error {
  constructor(readonly batches: ReadonlySet<Batch>, readonly responseIds: ReadonlyMap<Batch, string>) {
    super('conflicting resends');
  }
}

function chunks<T>(rows: readonly T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const conflict = (responseId: string) => new HttpError(409, 'conflict', { responseId });

/** Step 1: the first batch of the group to carry an id owns it; a later one with another body fails. */
function claimIds(group: readonly Batch[]): { claimed: Map<string, PreparedResponse>; refused: Map<Batch, string> } {
  const claimed = new Map<string, PreparedResponse>();
  const refused = new Map<Batch, string>();
  for (const batch of group) {
    const clash = batch.items.find((item) => {
      const owner = claimed.get(item.response.id);
      return owner !== undefined && owner.response.body_hash !== item.response.body_hash;
    });
    if (clash) {
      refused.set(batch, clash.response.id);
      continue;
    }
    for (const item of batch.items) if (!claimed.has(item.response.id)) claimed.set(item.response.id, item);
  }
  return { claimed, refused };
}

async function writeGroup(db: Kysely<Database>, group: readonly Batch[], claimed: ReadonlyMap<string, PreparedResponse>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const items = [...claimed.values()];
    // Step 2.
    if (isPostgres(trx)) {
      const rounds = [...new Set(items.map((i) => i.response.round_id))];
      await trx.selectFrom('rounds').select('id').where('id', 'in', rounds).orderBy('id').forShare().execute();
    }
    // Step 3.
    const inserted = new Set<string>();
    for (const chunk of chunks(items)) {
      const rows = await trx
        .insertInto('responses')
        .values(chunk.map((i) => i.response))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const row of rows) inserted.add(row.id);
    }
    const already = items.filter((i) => !inserted.has(i.response.id)).map((i) => i.response.id);
    if (already.length > 0) {
      const stored = new Map<string, string>();
      for (const ids of chunks(already)) {
        for (const row of await trx.selectFrom('responses').select(['id', 'body_hash']).where('id', 'in', ids).execute()) stored.set(row.id, row.body_hash);
      }
      const failed = new Map<Batch, string>();
      for (const batch of group) {
        const clash = batch.items.find((item) => stored.has(item.response.id) && stored.get(item.response.id) !== item.response.body_hash);
        if (clash) failed.set(batch, clash.response.id);
      }
      if (failed.size > 0) throw new Conflicts(new Set(failed.keys()), failed);
    }
    // Step 4.
    const fresh = items.filter((i) => inserted.has(i.response.id));
    for (const chunk of chunks(fresh.flatMap((i) => i.answers))) await trx.insertInto('answers').values(chunk).execute();
    for (const chunk of chunks(fresh.flatMap((i) => i.comments))) await trx.insertInto('comments').values(chunk).execute();
    // Step 5.
    await addSummaries(trx, summarise(fresh.map(storedResponse)));
  });
}

/** Writes a group; settles every batch in it. */
async function commitGroup(db: Kysely<Database>, group: readonly Batch[], attempt = 1): Promise<void> {
  const { claimed, refused } = claimIds(group);
  for (const [batch, id] of refused) batch.reject(conflict(id));
  const remaining = group.filter((b) => !refused.has(b));
  if (remaining.length === 0) return;
  try {
    await writeGroup(db, remaining, claimed);
    for (const batch of remaining) batch.resolve();
  } catch (error) {
    if (error instanceof Conflicts) {
      for (const [batch, id] of error.responseIds) batch.reject(conflict(id));
      return commitGroup(db, remaining.filter((b) => !error.batches.has(b)), attempt);
    }
    // Another process inserted an answer row of a response we had just inserted cannot happen; a
    // serialisation hiccup can: try again, then batch by batch so one bad batch fails alone.
    if (attempt < 3 && isUniqueViolation(error)) return commitGroup(db, remaining, attempt + 1);
    if (remaining.length > 1) {
      for (const batch of remaining) await commitGroup(db, [batch], attempt);
      return;
    }
    remaining[0]!.reject(error);
  }
}

export class GroupCommitter {
  private readonly queue: Batch[] = [];
  private writing = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves once the batch is durable; rejects with 409 if it conflicts with what is stored. */
  write(items: readonly PreparedResponse[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const group: Batch[] = [];
        let size = 0;
        while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0]!.items.length <= GROUP_RESPONSES)) {
          const batch = this.queue.shift()!;
          group.push(batch);
          size += batch.items.length;
        }
        await commitGroup(this.db, group).catch((error: unknown) => group.forEach((batch) => batch.reject(error)));
      }
    } finally {
      this.writing = false;
    }
  }
}

const committers = new WeakMap<Kysely<Database>, GroupCommitter>();

export function groupCommitter(db: Kysely<Database>): GroupCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter(db);
    committers.set(db, committer);
  }
  return committer;
}
