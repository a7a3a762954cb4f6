/**
 * Releases of a round's results. Figures a coordinator sees change only
 * from one release to the next, never with each arriving response:
 *
 * 1. the first release is made when a closed round's results are first
 *    asked for (or when it closes), with every response received;
 * 2. a later release takes the responses that arrived after the last one
 *    (tablets that were offline at closing), only when at least k have
 *    come and every figure of the previous release stays publishable with
 *    them (see src/shared/disclosure/linkedTable.ts);
 *    otherwise they wait for more;
 * 3. a release is made in one transaction: its row, then the responses
 *    stamped with its number, then the check; a failed check or a
 *    concurrent maker (the primary key) rolls it back, changing nothing.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, Round } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { newestReleaseIsSafe, releasesOf, roundPairs } from './roundDisclosure.ts';

class NotYet extends Error {}

export async function releaseIfDue(db: Kysely<Database>, cache: QuestionnaireCache, round: Round, threshold: number, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  if (round.status !== 'closed') return;
  const releases = await releasesOf(db, round.id);
  const waiting = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', round.id)
    .where('release_no', 'is', null)
    .executeTakeFirstOrThrow();
  const later = releases.length > 0;
  // Step 2: later arrivals wait until at least k have come.
  if (later && Number(waiting.n) < threshold) return;
  const number = releases.length + 1;
  const pairs = await roundPairs(db, cache, round.id);
  try {
    await db.transaction().execute(async (trx) => {
      // Step 3.
      await trx.insertInto('result_releases').values({ round_id: round.id, number, threshold, made_on: today }).execute();
      await trx.updateTable('responses').set({ release_no: number }).where('round_id', '=', round.id).where('release_no', 'is', null).execute();
      if (later && !(await newestReleaseIsSafe(trx, round.id, pairs))) throw new NotYet();
    });
  } catch (error) {
    if (error instanceof NotYet || isUniqueViolation(error)) return;
    throw error;
  }
}
