/**
 * Ingest's group write through Kysely, as PostgreSQL runs it: many rows
 * per statement, ON CONFLICT DO NOTHING for responses and a hash comparison
 * only for the ids that were already stored.
 */
import { isPostgres } from '../db/database.ts';
import { summarise } from '../summaries/contribution.ts';
import { addSummaries } from '../summaries/writeSummaries.ts';
import { ConflictingIds, type GroupWriter } from './groupWriter.ts';
import { storedResponse } from './preparedResponse.ts';

/** Rows per INSERT: under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

export const kyselyWriter: GroupWriter = (db, items) =>
  db.transaction().execute(async (trx) => {
    // Step 2 (see groupCommit.ts).
    const rounds = [...new Set(items.map((i) => i.response.round_id))];
    if (isPostgres(trx)) await trx.selectFrom('rounds').select('id').where('id', 'in', rounds).orderBy('id').forShare().execute();
    // Each response counts in its round's next release.
    const made = await trx
      .selectFrom('result_releases')
      .select(['round_id', (eb) => eb.fn.max('number').as('n')])
      .where('round_id', 'in', rounds)
      .groupBy('round_id')
      .execute();
    const releaseOf = new Map(rounds.map((round) => [round, Number(made.find((m) => m.round_id === round)?.n ?? 0) + 1]));
    // Step 3.
    const inserted = new Set<string>();
    for (const chunk of chunks(items)) {
      const rows = await trx
        .insertInto('responses')
        .values(chunk.map((i) => ({ ...i.response, release_no: releaseOf.get(i.response.round_id)! })))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const row of rows) inserted.add(row.id);
    }
    const already = items.filter((i) => !inserted.has(i.response.id));
    if (already.length > 0) {
      const stored = new Map<string, string>();
      for (const chunk of chunks(already)) {
        const rows = await trx.selectFrom('responses').select(['id', 'body_hash']).where('id', 'in', chunk.map((i) => i.response.id)).execute();
        for (const row of rows) stored.set(row.id, row.body_hash);
      }
      const conflicting = already.filter((i) => stored.get(i.response.id) !== i.response.body_hash).map((i) => i.response.id);
      if (conflicting.length > 0) throw new ConflictingIds(conflicting);
    }
    // Step 4.
    const fresh = items.filter((i) => inserted.has(i.response.id));
    for (const chunk of chunks(fresh.flatMap((i) => i.answers))) await trx.insertInto('answers').values(chunk).execute();
    for (const chunk of chunks(fresh.flatMap((i) => i.comments))) await trx.insertInto('comments').values(chunk).execute();
    // Step 5.
    await addSummaries(trx, summarise(fresh.map((item) => storedResponse(item, releaseOf.get(item.response.round_id)!))));
  });
