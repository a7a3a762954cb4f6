/** The questionnaires a round uses, by audience: each in the version the round asks. */
import type { Kysely } from 'kysely';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import type { Database } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';

export async function roundQuestionnaires(db: Kysely<Database>, cache: QuestionnaireCache, roundId: number): Promise<Map<Audience, Questionnaire>> {
  const rows = await db.selectFrom('round_questionnaires').select(['questionnaire_id', 'questionnaire_version']).where('round_id', '=', roundId).execute();
  const byAudience = new Map<Audience, Questionnaire>();
  for (const row of rows) {
    const q = await roundVersion(cache, row);
    if (q) byAudience.set(q.audience, q);
  }
  return byAudience;
}

/** The version a round asks: the one stored with it, or (a round from before versions were stored with it) the newest. */
export async function roundVersion(cache: QuestionnaireCache, row: { questionnaire_id: string; questionnaire_version: number | null }): Promise<Questionnaire | null> {
  return row.questionnaire_version === null ? cache.latest(row.questionnaire_id) : cache.get(row.questionnaire_id, row.questionnaire_version);
}
