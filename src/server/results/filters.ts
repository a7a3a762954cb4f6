/**
 * The group a results query is about: the released responses of one round
 * and audience, and optionally one unit or one way of answering. Every
 * results query starts from these response ids, so filters mean the same
 * thing everywhere, and a response waiting for the next release counts in
 * none of them.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { ANSWER_MODE_OF, type AnswerMode } from '../../shared/coordinatorApi.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import { ANSWERED_BY } from '../../shared/response.ts';
import type { Database } from '../db/schema.ts';

export interface GroupFilter {
  readonly roundId: number;
  readonly audience: Audience;
  /** null: responses that named no unit. */
  readonly unitId?: number | null | undefined;
  /** Applies to respondents only: relatives answer for themselves. */
  readonly answerMode?: AnswerMode | undefined;
}

/**
 * Rows (responses or summary cells) of a round that count in its newest
 * release: those whose release number it has reached. A waiting response
 * already carries the number of the release it waits for.
 */
export function releasedOnly(roundId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref('release_no')} <= (select max(${sql.ref('result_releases.number')}) from ${sql.table('result_releases')} where ${sql.ref('result_releases.round_id')} = ${roundId})`;
}

export function answeredByIn(mode: AnswerMode): string[] {
  return ANSWERED_BY.filter((value) => ANSWER_MODE_OF[value] === mode);
}

export function groupResponses(db: Kysely<Database>, filter: GroupFilter): SelectQueryBuilder<Database, 'responses', { id: string }> {
  let query = db
    .selectFrom('responses')
    .select('responses.id')
    .where('responses.round_id', '=', filter.roundId)
    .where('responses.audience', '=', filter.audience)
    .where(releasedOnly(filter.roundId));
  if (filter.unitId !== undefined) query = query.where('responses.unit_id', filter.unitId === null ? 'is' : '=', filter.unitId);
  if (filter.answerMode !== undefined && filter.audience === 'respondent') {
    const mode = filter.answerMode;
    query = mode === 'not-recorded' ? query.where('responses.answered_by', 'is', null) : query.where('responses.answered_by', 'in', answeredByIn(mode));
  }
  return query;
}
