/**
 * The disclosure control of one round, as the server applies it: the
 * round's releases, its linked tables per audience and measure, and for
 * any margin (total, a unit, an answer mode) whether its figures may be
 * shown. Every figure a coordinator sees is looked up here first.
 */
import type { Kysely } from 'kysely';
import { PROXY_MODE, SELF_MODES } from '../../shared/coordinatorApi.ts';
import { disclose, releaseKeepsEveryFigure, type Cell, type Disclosed, type GroupKey, type TableSpec } from '../../shared/disclosure/linkedTable.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import { perDatabase } from '../db/perDatabase.ts';
import type { Database, Round } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { summaryFigures } from '../summaries/summaryFigures.ts';
import { measure, NO_UNIT } from './cellTables.ts';
import type { FigureSource } from './figureSource.ts';
import { pairsOf } from '../../shared/favourableAnswer.ts';
import { roundQuestionnaires } from './roundQuestionnaires.ts';
import { nextTurn } from '../nextTurn.ts';

export interface ReleaseRow {
  readonly number: number;
  readonly threshold: number;
  readonly madeOn: string;
}

export interface RoundDisclosure {
  readonly releases: readonly ReleaseRow[];
  /** How many released responses a margin has for a measure, and whether its figures may be shown. */
  disclosed(audience: Audience, measureKey: string, group: GroupKey): Disclosed;
}

export async function releasesOf(db: Kysely<Database>, roundId: number): Promise<ReleaseRow[]> {
  const rows = await db.selectFrom('result_releases').select(['number', 'threshold', 'made_on']).where('round_id', '=', roundId).orderBy('number').execute();
  return rows.map((r) => ({ number: Number(r.number), threshold: Number(r.threshold), madeOn: r.made_on }));
}

async function specs(db: Kysely<Database>, roundId: number): Promise<Record<Audience, TableSpec>> {
  const units = await db.selectFrom('round_units').select('unit_id').where('round_id', '=', roundId).execute();
  const unitKeys = [...units.map((u) => String(u.unit_id)), NO_UNIT];
  // Answers someone else gave on the person's behalf are a margin of their own, outside the persons' total and units.
  return { respondent: { units: unitKeys, modes: SELF_MODES, outside: [PROXY_MODE] }, relative: { units: unitKeys, modes: [] } };
}

export async function roundPairs(db: Kysely<Database>, cache: QuestionnaireCache, roundId: number): Promise<[string, string][]> {
  return [...(await roundQuestionnaires(db, cache, roundId)).values()].flatMap(pairsOf);
}

/**
 * Released responses never change, so a round's disclosure is the same
 * until its next release: kept per process for the rounds asked for most
 * recently (each server process keeps its own; nothing else depends on it).
 */
const recentByDatabase = perDatabase(() => new Map<string, Promise<RoundDisclosure>>());
const RECENT_ROUNDS = 100;

/** The round's disclosure, or null while it has no release. Requests that arrive while it is computed share the work. */
export async function loadDisclosure(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  round: Round,
  kNow: number,
  figures: FigureSource = summaryFigures,
): Promise<RoundDisclosure | null> {
  const releases = await releasesOf(db, round.id);
  if (releases.length === 0) return null;
  const recent = recentByDatabase(db);
  const key = `${figures.name}|${round.id}|${releases.length}|${kNow}`;
  let disclosure = recent.get(key);
  if (disclosure) recent.delete(key);
  else {
    disclosure = computeDisclosure(db, cache, round, kNow, releases, figures);
    disclosure.catch(() => recent.delete(key));
  }
  recent.set(key, disclosure);
  if (recent.size > RECENT_ROUNDS) recent.delete(recent.keys().next().value!);
  return disclosure;
}


async function computeDisclosure(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  round: Round,
  kNow: number,
  releases: readonly ReleaseRow[],
  figures: FigureSource,
): Promise<RoundDisclosure> {
  const spec = await specs(db, round.id);
  const tables = await figures.measureTables(db, round.id, await roundPairs(db, cache, round.id));
  const thresholds = releases.map((r) => r.threshold);
  const memo = new Map<string, Map<GroupKey, Disclosed>>();
  const signature = (audience: Audience, cells: readonly Cell[], knownTotal: boolean) => `${audience}|${knownTotal}|${JSON.stringify(cells)}`;
  // How many responses each audience holds is known from elsewhere (progress, the rounds list): the count's audit counts it as published.
  const compute = (audience: Audience, cells: readonly Cell[], knownTotal: boolean) => {
    const key = signature(audience, cells, knownTotal);
    let result = memo.get(key);
    if (!result) {
      result = disclose(spec[audience], cells, thresholds, kNow, tables.get(audience)?.get(measure.count) ?? [], knownTotal);
      memo.set(key, result);
    }
    return result;
  };
  // Every measure now, one at a time with a turn for other requests in between: the audit is CPU work,
  // and tablets syncing to the same process must not wait for a whole round of it.
  for (const [audience, byMeasure] of tables) {
    for (const [name, cells] of byMeasure) {
      compute(audience, cells, name === measure.count);
      await nextTurn();
    }
  }
  const byMeasure = new Map<string, Map<GroupKey, Disclosed>>();
  return {
    releases,
    disclosed(audience, measureKey, group) {
      const key = `${audience}|${measureKey}`;
      let result = byMeasure.get(key);
      if (!result) {
        result = compute(audience, tables.get(audience)?.get(measureKey) ?? [], measureKey === measure.count);
        byMeasure.set(key, result);
      }
      return result.get(group) ?? { status: 'empty', n: 0 };
    },
  };
}

/**
 * Whether the newest release (already stamped, inside its transaction)
 * keeps every figure of the release before it, for every measure.
 */
export async function newestReleaseIsSafe(trx: Kysely<Database>, roundId: number): Promise<boolean> {
  const thresholds = (await releasesOf(trx, roundId)).map((r) => r.threshold);
  const spec = await specs(trx, roundId);
  const tables = await summaryFigures.measureTables(trx, roundId, []);
  for (const [audience, byMeasure] of tables) {
    for (const [name, cells] of byMeasure) {
      if (!releaseKeepsEveryFigure(spec[audience], cells, thresholds, byMeasure.get(measure.count) ?? [], name === measure.count)) return false;
      // As above: other requests get a turn between measures (on SQLite ingest waits for this transaction).
      await nextTurn();
    }
  }
  return true;
}
