/**
 * Makes a period's comparison once (the rule: src/shared/disclosure/comparison.ts):
 *
 * 1. not before the period's due day;
 * 2. members: the municipalities that share at this moment, each with its
 *    last closed round of the year with this questionnaire (released first
 *    if nobody has asked for its results yet), and per theme the share
 *    that passed its own threshold (memberShares);
 * 3. written in one transaction under the period's primary key: a second
 *    maker (another process) fails on the key and changes nothing. Nothing
 *    rewrites a made period: joining, leaving or a later release count
 *    from the next period on.
 */
import type { Kysely } from 'kysely';
import { effectiveThreshold } from '../../shared/anonymity.ts';
import { comparisonDue } from '../../shared/disclosure/comparison.ts';
import type { Questionnaire } from '../../shared/questionnaire.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import { nextTurn } from '../nextTurn.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { releaseIfDue } from '../results/releases.ts';
import { releasesOf } from '../results/roundDisclosure.ts';
import { roundQuestionnaires } from '../results/roundQuestionnaires.ts';
import { memberShares } from './memberShares.ts';

export type PeriodState = 'not-yet' | 'ready';

async function isMade(db: Kysely<Database>, period: string, q: Questionnaire): Promise<boolean> {
  const row = await db
    .selectFrom('comparison_periods')
    .select('period')
    .where('period', '=', period)
    .where('questionnaire_id', '=', q.id)
    .where('questionnaire_version', '=', q.version)
    .executeTakeFirst();
  return row !== undefined;
}

export async function freezeComparison(db: Kysely<Database>, cache: QuestionnaireCache, period: string, q: Questionnaire, today: string): Promise<PeriodState> {
  // Step 1.
  if (today < comparisonDue(period)) return 'not-yet';
  if (await isMade(db, period, q)) return 'ready';
  // Step 2.
  const rounds = await db
    .selectFrom('rounds')
    .innerJoin('round_questionnaires', 'round_questionnaires.round_id', 'rounds.id')
    .innerJoin('municipalities', 'municipalities.id', 'rounds.municipality_id')
    .selectAll('rounds')
    .select('municipalities.anonymity_threshold')
    .where('municipalities.shares_comparison', '=', 1)
    .where('round_questionnaires.questionnaire_id', '=', q.id)
    .where('rounds.status', '=', 'closed')
    .where('rounds.closes_on', '>=', `${period}-01-01`)
    .where('rounds.closes_on', '<=', `${period}-12-31`)
    .orderBy('rounds.closes_on', 'desc')
    .orderBy('rounds.id', 'desc')
    .execute();
  const members: { period: string; questionnaire_id: string; questionnaire_version: number; theme: string; municipality_id: number; share: number }[] = [];
  const seen = new Set<number>();
  for (const { anonymity_threshold, ...round } of rounds) {
    if (seen.has(round.municipality_id)) continue;
    const used = (await roundQuestionnaires(db, cache, round.id)).get(q.audience);
    if (used?.id !== q.id || used.version !== q.version) continue;
    seen.add(round.municipality_id);
    const k = effectiveThreshold(anonymity_threshold);
    if ((await releasesOf(db, round.id)).length === 0) await releaseIfDue(db, round, k, today);
    for (const [theme, share] of await memberShares(db, round.id, q.audience, q, k)) {
      members.push({ period, questionnaire_id: q.id, questionnaire_version: q.version, theme, municipality_id: round.municipality_id, share });
    }
    await nextTurn();
  }
  // Step 3.
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('comparison_periods').values({ period, questionnaire_id: q.id, questionnaire_version: q.version, made_on: today }).execute();
      for (let i = 0; i < members.length; i += 500) await trx.insertInto('comparison_members').values(members.slice(i, i + 500)).execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return 'ready';
}
