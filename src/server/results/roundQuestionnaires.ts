/** The questionnaires a round uses, by audience. */
import type { Kysely } from 'kysely';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import type { Database } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';

export async function roundQuestionnaires(db: Kysely<Database>, cache: QuestionnaireCache, roundId: number): Promise<Map<Audience, Questionnaire>> {
  const ids = await db.selectFrom('round_questionnaires').select('questionnaire_id').where('round_id', '=', roundId).execute();
  const byAudience = new Map<Audience, Questionnaire>();
  for (const { questionnaire_id } of ids) {
    const q = await cache.latest(questionnaire_id);
    if (q) byAudience.set(q.audience, q);
  }
  return byAudience;
}

