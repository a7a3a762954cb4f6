/**
 * The demo set-up on an empty database: a municipality with two units, an
 * open round with the shipped questionnaires, and an admin coordinator
 * whose random password is shown once and stored only as a hash.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './db/database.ts';
import type { Audience, Questionnaire } from '../shared/questionnaire.ts';
import type { Database } from './db/schema.ts';
import { randomCode } from './codes.ts';
import { hashPassword, randomPassword } from './password.ts';
import { createMunicipality, createRound, createUnit } from './roundAdmin.ts';

export interface DemoSetup {
  readonly tabletCode: string;
  readonly relativeCode: string;
  readonly username: string;
  readonly password: string;
}

/** Prefers the questionnaire named after the audience ("respondent", "relative"); a round takes its newest version. */
function pick(questionnaires: readonly Questionnaire[], audience: Audience): Questionnaire | undefined {
  return questionnaires.find((q) => q.id === audience) ?? questionnaires.find((q) => q.audience === audience);
}

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Several server processes may start at once on one empty database; only one may seed it.
 * 1. Take the database's write lock first: PostgreSQL by a transaction-scoped advisory lock,
 *    SQLite by opening the transaction with a write (a deferred transaction that read first
 *    could not upgrade while another process seeds).
 * 2. Look for a municipality only then, so a process that waited sees the other's seed.
 */
async function lockForSeeding(trx: Kysely<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
  else await sql`update municipalities set name = name where 0`.execute(trx);
}

/** An arbitrary constant naming this lock among PostgreSQL advisory locks. */
const DEMO_SEED_LOCK = 0x6d_73_74_64;

export async function seedDemoIfEmpty(db: Kysely<Database>, questionnaires: readonly Questionnaire[]): Promise<DemoSetup | null> {
  if (await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst()) return null;
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    await lockForSeeding(trx);
    if (await trx.selectFrom('municipalities').select('id').limit(1).executeTakeFirst()) return null;
    return seedDemo(trx, questionnaires, password, passwordHash);
  });
}

async function seedDemo(db: Kysely<Database>, questionnaires: readonly Questionnaire[], password: string, passwordHash: string): Promise<DemoSetup> {
  const municipalityId = await createMunicipality(db, 'Demo kommune');
  const unitIds = [await createUnit(db, municipalityId, 'Bofellesskapet Solsikken'), await createUnit(db, municipalityId, 'Tunet boliger')];
  const chosen = [pick(questionnaires, 'respondent'), pick(questionnaires, 'relative')].filter((q) => q !== undefined);
  const round = await createRound(db, {
    municipalityId,
    name: 'Demo: Brukerundersøkelse',
    opensOn: isoDate(0),
    closesOn: isoDate(60),
    status: 'open',
    unitIds,
    questionnaireIds: chosen.map((q) => q.id),
  });
  // Not a name an attacker can guess beforehand (issue 18): the first login is printed once anyway.
  const username = `koordinator-${randomCode(5).toLowerCase()}`;
  await db.insertInto('coordinators').values({ municipality_id: municipalityId, username, password_hash: passwordHash, is_admin: 1 }).execute();
  return { tabletCode: round.tablet_code, relativeCode: round.relative_code, username, password };
}
