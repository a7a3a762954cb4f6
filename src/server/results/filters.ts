/**
 * The group a results query is about: the released responses of one round
 * and audience, and optionally one unit or one way of answering. Every
 * results query starts from these response ids, so filters mean the same
 * thing everywhere, and a response waiting for the next release counts in
 * none of them. (Leaving flagged responses out needs their answers: the
 * summaries hold that split; `groupResponses` serves the relatives'
 * comments, which the view without flagged responses does not show.)
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { ANSWER_MODE_OF, PROXY_MODE, type AnswerMode } from '../../shared/coordinatorApi.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import { ANSWERED_BY } from '../../shared/response.ts';
import type { Database } from '../db/schema.ts';

export interface GroupFilter {
  readonly roundId: number;
  readonly audience: Audience;
  /** null: responses that named no unit. */
  readonly unitId?: number | null | undefined;
  /**
   * Applies to respondents only: relatives answer for themselves. Without
   * it, respondents are the persons themselves: answers someone else gave
   * on their behalf count only under their own mode.
   */
  readonly answerMode?: AnswerMode | undefined;
  /** Leave out responses flagged by the consistency checks (read from the summaries only). */
  readonly withoutFlagged?: boolean | undefined;
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
  if (filter.audience === 'respondent') {
    const mode = filter.answerMode;
    if (mode === undefined) {
      const proxy = answeredByIn(PROXY_MODE);
      query = query.where((eb) => eb.or([eb('responses.answered_by', 'is', null), eb('responses.answered_by', 'not in', proxy)]));
    } else query = mode === 'not-recorded' ? query.where('responses.answered_by', 'is', null) : query.where('responses.answered_by', 'in', answeredByIn(mode));
  }
  return query;
}
