/**
 * The demo set-up on an empty database: a municipality with two units, an
 * open round with the shipped questionnaires, and an admin coordinator
 * whose random password is shown once and stored only as a hash.
 */
import type { Kysely } from 'kysely';
import type { Audience, Questionnaire } from '../shared/questionnaire.ts';
import type { Database } from './db/schema.ts';
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

export async function seedDemoIfEmpty(db: Kysely<Database>, questionnaires: readonly Questionnaire[]): Promise<DemoSetup | null> {
  const any = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  if (any) return null;
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
  const username = 'koordinator';
  const password = randomPassword();
  await db
    .insertInto('coordinators')
    .values({ municipality_id: municipalityId, username, password_hash: await hashPassword(password), is_admin: 1 })
    .execute();
  return { tabletCode: round.tablet_code, relativeCode: round.relative_code, username, password };
}
