/**
 * The group a results query is about: one round, one audience, and
 * optionally one unit and one way of answering. Every results query starts
 * from these response ids, so filters mean the same thing everywhere.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { ANSWER_MODE_OF, type AnswerMode } from '../../shared/coordinatorApi.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import { ANSWERED_BY } from '../../shared/response.ts';
import type { Database } from '../db/schema.ts';

export interface GroupFilter {
  readonly roundId: number;
  readonly audience: Audience;
  readonly unitId?: number | undefined;
  /** Applies to respondents only: relatives answer for themselves. */
  readonly answerMode?: AnswerMode | undefined;
}

export function answeredByIn(mode: AnswerMode): string[] {
  return ANSWERED_BY.filter((value) => ANSWER_MODE_OF[value] === mode);
}

export function groupResponses(db: Kysely<Database>, filter: GroupFilter): SelectQueryBuilder<Database, 'responses', { id: string }> {
  let query = db.selectFrom('responses').select('responses.id').where('responses.round_id', '=', filter.roundId).where('responses.audience', '=', filter.audience);
  if (filter.unitId !== undefined) query = query.where('responses.unit_id', '=', filter.unitId);
  if (filter.answerMode !== undefined && filter.audience === 'respondent') {
    query = query.where('responses.answered_by', 'in', answeredByIn(filter.answerMode));
  }
  return query;
}

export async function groupSize(db: Kysely<Database>, filter: GroupFilter): Promise<number> {
  const row = await db
    .selectFrom(groupResponses(db, filter).as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
