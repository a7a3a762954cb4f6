/**
 * Writes summary rows: additions from ingest (increments, so concurrent
 * writers and resends add exactly what they stored), and the relabelling
 * of a round's waiting cells when a release is made. Both run inside the
 * caller's transaction, with the raw rows they summarise.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { WAITING_RELEASE, type SummaryRows } from './contribution.ts';

const CELL = ['round_id', 'audience', 'unit_key', 'answered_by', 'release_no'] as const;
/** Rows per statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function addSummaries(trx: Kysely<Database>, rows: SummaryRows): Promise<void> {
  for (const chunk of chunks(rows.cells)) {
    await trx
      .insertInto('summary_cells')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(CELL).doUpdateSet((eb) => ({
          responses: eb('summary_cells.responses', '+', eb.ref('excluded.responses')),
          same_answer: eb('summary_cells.same_answer', '+', eb.ref('excluded.same_answer')),
          pair_answered: eb('summary_cells.pair_answered', '+', eb.ref('excluded.pair_answered')),
          pair_bad: eb('summary_cells.pair_bad', '+', eb.ref('excluded.pair_bad')),
        })),
      )
      .execute();
  }
  for (const chunk of chunks(rows.themes)) {
    await trx
      .insertInto('summary_themes')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns([...CELL, 'theme']).doUpdateSet((eb) => ({
          responses: eb('summary_themes.responses', '+', eb.ref('excluded.responses')),
          mean_sum: eb('summary_themes.mean_sum', '+', eb.ref('excluded.mean_sum')),
        })),
      )
      .execute();
  }
  for (const chunk of chunks(rows.values)) {
    await trx
      .insertInto('summary_values')
      .values(chunk)
      .onConflict((oc) => oc.columns([...CELL, 'question_id', 'value']).doUpdateSet((eb) => ({ n: eb('summary_values.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
  for (const chunk of chunks(rows.comments)) {
    await trx
      .insertInto('summary_comments')
      .values(chunk)
      .onConflict((oc) => oc.columns([...CELL, 'comment_key']).doUpdateSet((eb) => ({ n: eb('summary_comments.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
}

/** A release takes every waiting response of the round: its cells take the release's number. */
export async function stampRelease(trx: Kysely<Database>, roundId: number, number: number): Promise<void> {
  for (const table of ['summary_cells', 'summary_themes', 'summary_values', 'summary_comments'] as const) {
    await trx.updateTable(table).set({ release_no: number }).where('round_id', '=', roundId).where('release_no', '=', WAITING_RELEASE).execute();
  }
}
