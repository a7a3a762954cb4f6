/**
 * Creating municipalities, units and rounds. Codes are random and unique;
 * a clash (very unlikely) is retried with fresh codes.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_ANONYMITY_THRESHOLD } from '../shared/anonymity.ts';
import { freeSuffix, plainName } from '../shared/usernames.ts';
import { randomCode, RELATIVE_CODE_LENGTH, TABLET_CODE_LENGTH } from './codes.ts';
import type { Database, Round } from './db/schema.ts';

/** A new municipality, with a username suffix of its own (src/shared/usernames.ts). */
export async function createMunicipality(db: Kysely<Database>, name: string): Promise<number> {
  const taken = new Set((await db.selectFrom('municipalities').select('username_suffix').where('username_suffix', 'like', `${plainName(name)}%`).execute()).map((r) => r.username_suffix ?? ''));
  const row = await db
    .insertInto('municipalities')
    .values({ name, anonymity_threshold: DEFAULT_ANONYMITY_THRESHOLD, username_suffix: freeSuffix(name, taken) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createUnit(db: Kysely<Database>, municipalityId: number, name: string): Promise<number> {
  const row = await db.insertInto('units').values({ municipality_id: municipalityId, name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface NewRound {
  readonly municipalityId: number;
  readonly name: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly status: Round['status'];
  readonly unitIds: readonly number[];
  readonly questionnaireIds: readonly string[];
}

/** Creates a round in one transaction: its own, or the caller's when given one (the demo seed). */
export async function createRound(db: Kysely<Database>, round: NewRound): Promise<Round> {
  if (db.isTransaction) return insertRound(db, round);
  return db.transaction().execute((trx) => insertRound(trx, round));
}

async function insertRound(trx: Kysely<Database>, round: NewRound): Promise<Round> {
  let created: Round | undefined;
  for (let attempt = 0; !created; attempt++) {
    const tablet_code = randomCode(TABLET_CODE_LENGTH);
    const relative_code = randomCode(RELATIVE_CODE_LENGTH);
    const clash = await trx
      .selectFrom('rounds')
      .select('id')
      .where((eb) => eb.or([eb('tablet_code', 'in', [tablet_code, relative_code]), eb('relative_code', 'in', [tablet_code, relative_code])]))
      .executeTakeFirst();
    if (clash) {
      if (attempt > 10) throw new Error('Could not find a free round code');
      continue;
    }
    created = await trx
      .insertInto('rounds')
      .values({
        municipality_id: round.municipalityId,
        name: round.name,
        tablet_code,
        relative_code,
        opens_on: round.opensOn,
        closes_on: round.closesOn,
        status: round.status,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const roundId = created.id;
  if (round.unitIds.length > 0) {
    await trx.insertInto('round_units').values(round.unitIds.map((unit_id) => ({ round_id: roundId, unit_id }))).execute();
  }
  if (round.questionnaireIds.length > 0) {
    // A new round asks the newest version of each questionnaire, and keeps asking it after a new edition.
    const newest = await trx
      .selectFrom('questionnaire_versions')
      .select(['questionnaire_id', (eb) => eb.fn.max('version').as('version')])
      .where('questionnaire_id', 'in', round.questionnaireIds)
      .groupBy('questionnaire_id')
      .execute();
    await trx
      .insertInto('round_questionnaires')
      .values(round.questionnaireIds.map((questionnaire_id) => ({ round_id: roundId, questionnaire_id, questionnaire_version: newest.find((n) => n.questionnaire_id === questionnaire_id)?.version ?? null })))
      .execute();
  }
  return created;
}
