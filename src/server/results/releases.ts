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
 * 3. a release is made in one transaction: the round locked against
 *    ingest (PostgreSQL; SQLite has one writer), its row, then the check;
 *    a failed check or a concurrent maker (the primary key) rolls it back,
 *    changing nothing. Waiting responses and their summary cells already
 *    carry the number of the release they wait for (ingest sets it), so
 *    the row alone releases them: no response or summary row is rewritten.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, Round } from '../db/schema.ts';
import { isPostgres } from '../db/database.ts';
import { perDatabase } from '../db/perDatabase.ts';
import { newestReleaseIsSafe, releasesOf } from './roundDisclosure.ts';

class NotYet extends Error {}

/** Per process, how many answers were waiting (and the threshold) when a round's last attempt was refused: no need to try again until that changes. */
const refusedAt = perDatabase(() => new Map<number, string>());

export async function releaseIfDue(db: Kysely<Database>, round: Round, threshold: number, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  if (round.status !== 'closed') return;
  const releases = await releasesOf(db, round.id);
  const waiting = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', round.id)
    .where('release_no', '>', releases.length)
    .executeTakeFirstOrThrow();
  const later = releases.length > 0;
  const waitingNow = Number(waiting.n);
  // Step 2: later arrivals wait until at least k have come.
  if (later && waitingNow < threshold) return;
  const refused = refusedAt(db);
  const attempt = `${waitingNow}|${threshold}`;
  if (refused.get(round.id) === attempt) return;
  const number = releases.length + 1;
  try {
    await db.transaction().execute(async (trx) => {
      // Step 3.
      if (isPostgres(trx)) await trx.selectFrom('rounds').select('id').where('id', '=', round.id).forUpdate().execute();
      await trx.insertInto('result_releases').values({ round_id: round.id, number, threshold, made_on: today }).execute();
      if (later && !(await newestReleaseIsSafe(trx, round.id))) throw new NotYet();
    });
  } catch (error) {
    if (error instanceof NotYet) refused.set(round.id, attempt);
    else if (!isUniqueViolation(error)) throw error;
  }
}
