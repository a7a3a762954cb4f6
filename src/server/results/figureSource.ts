/**
 * Where results get their numbers from: the cells disclosure control
 * audits and the figures of one margin (a filter). The server reads the
 * summary tables kept at ingest (src/server/summaries/summaryFigures.ts);
 * the tests hold a second source that recomputes every number from the raw
 * answers, to prove the two agree.
 */
import type { Kysely } from 'kysely';
import type { Cell } from '../../shared/disclosure/linkedTable.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import type { Database } from '../db/schema.ts';
import type { GroupFilter } from './filters.ts';

/** Per audience and measure (see `measure` in cellTables.ts), the released responses in each cell. */
export type MeasureTables = Map<Audience, Map<string, Cell[]>>;

export interface ThemeAggregate {
  readonly theme: string;
  /** Responses with at least one scored answer in the theme. */
  readonly n: number;
  /** Mean of each response's mean score in the theme, so every person weighs the same. */
  readonly score: number;
}

export interface ValueCount {
  readonly questionId: string;
  /** null counts deliberate skips. */
  readonly value: string | null;
  readonly count: number;
}

export interface ConsistencyCounts {
  /** Responses with a scored answer, those giving one and the same answer to every one (at least three). */
  readonly n: number;
  readonly sameAnswer: number;
  /** Responses that answered both halves of a reversed pair, and those that contradicted one (100 apart after reversal). */
  readonly pairAnswered: number;
  readonly pairInconsistent: number;
}

export interface FigureSource {
  /** Names the source in per-process caches. */
  readonly name: string;
  measureTables(db: Kysely<Database>, roundId: number, pairs: readonly (readonly [string, string])[]): Promise<MeasureTables>;
  themeScores(db: Kysely<Database>, filter: GroupFilter): Promise<ThemeAggregate[]>;
  /** Per unit (null: none named), the mean of each response's overall mean score, and how many responses have one. */
  overallByUnit(db: Kysely<Database>, filter: Pick<GroupFilter, 'roundId' | 'audience' | 'withoutFlagged'>): Promise<Map<number | null, { n: number; score: number }>>;
  valueCounts(db: Kysely<Database>, filter: GroupFilter): Promise<ValueCount[]>;
  /** The value counts of every unit at once (the units × themes matrix): one read instead of one per unit. */
  valueCountsByUnit(db: Kysely<Database>, filter: Omit<GroupFilter, 'unitId'>): Promise<Map<number | null, ValueCount[]>>;
  consistency(db: Kysely<Database>, filter: GroupFilter, pairs: readonly (readonly [string, string])[]): Promise<ConsistencyCounts>;
}
