/**
 * Fills the summary tables from the raw rows of every stored response:
 * once, when the tables are created on a database that already holds
 * responses. Reads responses in keyset order, a page at a time, and adds
 * each page's sums with the same functions ingest uses. Migration 009
 * runs it (with an index on answers' response made for it); migration
 * 006, which first created the tables without the `flagged` key column,
 * calls it too, and then it leaves them empty for 009 to fill.
 */
import type { Kysely } from 'kysely';
import { pairsOf } from '../../shared/favourableAnswer.ts';
import type { Database } from '../db/schema.ts';
import type { Questionnaire } from '../../shared/questionnaire.ts';
import { summarise, type StoredResponse } from './contribution.ts';
import { addSummaries } from './writeSummaries.ts';

const PAGE = 500;

function byResponse<T extends { response_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.response_id, [...(map.get(row.response_id) ?? []), row]);
  return map;
}

export async function fillSummaries(db: Kysely<Database>): Promise<void> {
  const cells = (await db.introspection.getTables()).find((t) => t.name === 'summary_cells');
  if (!cells?.columns.some((c) => c.name === 'flagged')) return;
  const pairsByVersion = new Map<string, [string, string][]>();
  for (const row of await db.selectFrom('questionnaire_versions').select(['questionnaire_id', 'version', 'definition']).execute()) {
    // The stored definition was validated when it was registered; only its questions are needed here.
    pairsByVersion.set(`${row.questionnaire_id}@${row.version}`, pairsOf(JSON.parse(row.definition) as Questionnaire));
  }
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('responses')
      .select(['id', 'round_id', 'audience', 'unit_id', 'answered_by', 'release_no', 'questionnaire_id', 'questionnaire_version'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const ids = page.map((r) => r.id);
    const answers = await db.selectFrom('answers').select(['response_id', 'question_id', 'theme', 'value', 'score']).where('response_id', 'in', ids).execute();
    const comments = await db.selectFrom('comments').select(['response_id', 'comment_key']).where('response_id', 'in', ids).execute();
    const answersOf = byResponse(answers);
    const commentsOf = byResponse(comments);
    const responses: StoredResponse[] = [];
    for (const r of page) {
      responses.push({
        round_id: r.round_id,
        audience: r.audience,
        unit_id: r.unit_id,
        answered_by: r.answered_by,
        release_no: r.release_no!,
        answers: answersOf.get(r.id) ?? [],
        commentKeys: (commentsOf.get(r.id) ?? []).map((c) => c.comment_key),
        pairs: pairsByVersion.get(`${r.questionnaire_id}@${r.questionnaire_version}`) ?? [],
      });
    }
    // Added page by page (the rows add up), so memory stays the size of a page whatever the database holds.
    await addSummaries(db, summarise(responses));
  }
}
