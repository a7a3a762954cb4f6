/**
 * Survey rounds as tablets and phones see them: find a round by the code a
 * person typed or followed, and describe it for offline use (municipality,
 * round, units and the questionnaires that belong to the code).
 */
import type { Kysely } from 'kysely';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { CodeKind, RoundConfig } from '../shared/roundConfig.ts';
import { normalizeCode } from './codes.ts';
import type { Database, Round } from './db/schema.ts';
import { mediaOf } from './media/mediaStore.ts';
import { mediaSayingTexts } from './media/spokenTextsOf.ts';
import { sealingKey } from './sealing.ts';
import { roundVersion } from './results/roundQuestionnaires.ts';
import type { QuestionnaireCache } from './questionnaireVersions.ts';

export interface FoundRound {
  readonly round: Round;
  readonly kind: CodeKind;
}

export async function findRoundByCode(db: Kysely<Database>, typed: string): Promise<FoundRound | null> {
  const code = normalizeCode(typed);
  if (code.length === 0) return null;
  const round = await db
    .selectFrom('rounds')
    .selectAll()
    .where((eb) => eb.or([eb('tablet_code', '=', code), eb('relative_code', '=', code)]))
    .executeTakeFirst();
  if (!round) return null;
  return { round, kind: round.tablet_code === code ? 'tablet' : 'relative' };
}

/** The units taking part in a round, by name. */
export async function roundUnits(db: Kysely<Database>, roundId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('round_units')
    .innerJoin('units', 'units.id', 'round_units.unit_id')
    .select(['units.id', 'units.name'])
    .where('round_units.round_id', '=', roundId)
    .orderBy('units.name')
    .execute();
}

export async function roundConfig(db: Kysely<Database>, cache: QuestionnaireCache, found: FoundRound): Promise<RoundConfig> {
  const { round, kind } = found;
  const municipality = await db
    .selectFrom('municipalities')
    .select('name')
    .where('id', '=', round.municipality_id)
    .executeTakeFirstOrThrow();
  const units = await roundUnits(db, round.id);
  const ids = await db
    .selectFrom('round_questionnaires')
    .select(['questionnaire_id', 'questionnaire_version'])
    .where('round_id', '=', round.id)
    .orderBy('questionnaire_id')
    .execute();
  const questionnaires: Questionnaire[] = [];
  for (const row of ids) {
    const q = await roundVersion(cache, row);
    // The relatives' link opens only the relatives' survey.
    if (q && (kind === 'tablet' || q.audience === 'relative')) questionnaires.push(q);
  }
  // Only recordings made for the words this round's versions use: another version's wording is read by the device voice.
  const media = mediaSayingTexts(questionnaires, await mediaOf(db, round.municipality_id, questionnaires.map((q) => q.id)));
  // Only tablets save emergency files; a relative's phone sends or keeps its one response.
  const sealing = kind === 'tablet' ? await sealingKey(db) : null;
  return {
    code: kind === 'tablet' ? round.tablet_code : round.relative_code,
    kind,
    municipality,
    round: { name: round.name, opensOn: round.opens_on, closesOn: round.closes_on, status: round.status },
    units,
    questionnaires,
    sealingKey: sealing,
    media,
  };
}
