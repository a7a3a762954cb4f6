/**
 * One audience's linked table for one measure (the responses counted in a
 * figure: everyone, those who answered a question, those with a score in a
 * theme, those who wrote a comment …), and which of its margins may be
 * published in each release of a round's results.
 *
 * The table's cells are unit × answer mode × release (relatives have no
 * answer mode). Only margins are ever published: the total, each unit and
 * each answer mode, never a unit crossed with a mode. For each release, in
 * order, the first of these patterns that passes the audit against
 * everything published in earlier releases is chosen:
 *
 *   0. the total, units and modes, less primary suppression (1 to k−1
 *      responses) and, per dimension, complementary suppression of the
 *      smallest other margins until the hidden ones hold at least k
 *      responses and no hidden count is pinned down by the labels;
 *   1. the same without answer modes;
 *   2. the total only;
 *   3. nothing.
 *
 * A new release (later arrivals after the first) is allowed only when,
 * for every measure, it still shows every margin the release before it
 * showed, so figures never disappear.
 *
 * Two refinements (issue 14):
 *
 * - Modes "outside" the total (answers someone else gave on the person's
 *   behalf) form a margin of their own and are counted in neither the
 *   total nor the units: the total and the units are the persons
 *   themselves. Where the sum of every cell is known anyway (the count of
 *   responses, which progress and the rounds list show), the audit counts
 *   it as published (and, at worst, how many of them were flagged), so
 *   the persons' total never gives away a small group of proxy answers.
 * - Every cell says whether its responses were flagged (same answer to
 *   everything, a contradicted reversed pair). A "clean" margin
 *   (`clean:total`, `clean:unit:…`, `clean:mode:…`) counts the unflagged
 *   responses of a published margin; it is shown only when it and the
 *   flagged rest each hold 0 or at least k responses, and the audit
 *   passes with it (first every clean margin, then the clean total only,
 *   then none), since clean and whole figures together publish the
 *   flagged responses' figures by subtraction.
 */
import type { DisclosureStatus } from '../coordinatorApi.ts';
import { isolatesFewerThan } from './audit.ts';

export interface TableSpec {
  readonly units: readonly string[];
  /** Empty for a table without the answer-mode dimension (relatives). */
  readonly modes: readonly string[];
  /** Modes shown only as a margin of their own, outside the total and the units (proxy answers). */
  readonly outside?: readonly string[];
}

export interface Cell {
  readonly unit: string;
  readonly mode: string;
  readonly release: number;
  readonly n: number;
  /** Whether the cell's responses were flagged by the consistency checks (absent: no). */
  readonly flagged?: boolean;
}

type MarginKey = 'total' | `unit:${string}` | `mode:${string}`;
export type GroupKey = MarginKey | `clean:${MarginKey}`;

export const unitGroup = (unit: string): GroupKey => `unit:${unit}`;
export const modeGroup = (mode: string): GroupKey => `mode:${mode}`;
/** The same margin without its flagged responses. */
export const cleanGroup = (group: GroupKey): GroupKey => (group.startsWith('clean:') ? group : `clean:${group as MarginKey}`);
const isClean = (group: GroupKey): boolean => group.startsWith('clean:');
const baseOf = (group: GroupKey): MarginKey => (isClean(group) ? (group.slice(6) as MarginKey) : (group as MarginKey));

function inGroup(spec: TableSpec, group: GroupKey, cell: Cell): boolean {
  if (isClean(group) && cell.flagged) return false;
  const base = baseOf(group);
  if (base.startsWith('mode:')) return cell.mode === base.slice(5);
  if (spec.outside?.includes(cell.mode)) return false;
  return base === 'total' || cell.unit === base.slice(5);
}

function groupsOf(spec: TableSpec): { units: GroupKey[]; modes: GroupKey[]; outside: GroupKey[] } {
  return { units: spec.units.map(unitGroup), modes: spec.modes.map(modeGroup), outside: (spec.outside ?? []).map(modeGroup) };
}

function countsAt(spec: TableSpec, cells: readonly Cell[], release: number): Map<GroupKey, number> {
  const { units, modes, outside } = groupsOf(spec);
  const counts = new Map<GroupKey, number>();
  for (const group of ['total' as GroupKey, ...units, ...modes, ...outside]) {
    for (const g of [group, cleanGroup(group)]) {
      counts.set(g, cells.filter((c) => c.release <= release && inGroup(spec, g, c)).reduce((sum, c) => sum + c.n, 0));
    }
  }
  return counts;
}

/** Whether the labels ("too few" = 1 to k−1, "protecting" = k or more) pin a hidden count to one value. */
function pinned(hidden: readonly number[], k: number): boolean {
  const sum = hidden.reduce((a, b) => a + b, 0);
  return hidden.some((n, i) => {
    if (n >= k) return false;
    const others = hidden.filter((_, j) => j !== i);
    const lower = others.reduce((a, m) => a + (m < k ? 1 : k), 0);
    const upper = others.some((m) => m >= k) ? Infinity : others.reduce((a, m) => a + (m < k ? k - 1 : 0), 0);
    const lo = Math.max(1, sum - upper);
    const hi = Math.min(k - 1, sum - lower);
    return hi - lo < 1;
  });
}

/**
 * Complementary suppression along one dimension whose total is published:
 * the hidden margins, or null when no choice keeps them safe.
 */
function hideAlong(groups: readonly GroupKey[], counts: Map<GroupKey, number>, k: number, tieBreak: Map<GroupKey, number>): Set<GroupKey> | null {
  const n = (g: GroupKey) => counts.get(g)!;
  const hidden = new Set(groups.filter((g) => n(g) > 0 && n(g) < k));
  if (hidden.size === 0) return hidden;
  const candidates = groups.filter((g) => n(g) >= k).sort((a, b) => n(a) - n(b) || tieBreak.get(a)! - tieBreak.get(b)! || a.localeCompare(b));
  for (;;) {
    const values = [...hidden].map(n);
    if (values.reduce((a, b) => a + b, 0) >= k && !pinned(values, k)) return hidden;
    const next = candidates.shift();
    if (!next) return null;
    hidden.add(next);
  }
}

/** The margins pattern `level` publishes, or null when its labels would pin a hidden count. */
function pattern(level: number, spec: TableSpec, counts: Map<GroupKey, number>, k: number, tieBreak: Map<GroupKey, number>): Set<GroupKey> | null {
  const visible = new Set<GroupKey>();
  if (level >= 3 || counts.get('total')! < k) return visible;
  visible.add('total');
  const { units, modes } = groupsOf(spec);
  const published = level === 0 ? [units, modes] : level === 1 ? [units] : [];
  for (const groups of [units, modes]) {
    if (published.includes(groups)) {
      const hidden = hideAlong(groups, counts, k, tieBreak);
      if (!hidden) return null;
      for (const g of groups) if (!hidden.has(g) && counts.get(g)! > 0) visible.add(g);
    } else if (pinned(groups.map((g) => counts.get(g)!).filter((n) => n > 0), k)) {
      return null;
    }
  }
  // Margins outside the total add up to no published figure: each stands alone, shown from k responses (the audit checks the rest).
  for (const g of groupsOf(spec).outside) if (counts.get(g)! >= k) visible.add(g);
  return visible;
}

function safe(spec: TableSpec, cells: readonly Cell[], patterns: readonly Set<GroupKey>[], k: number, knownTotal: boolean): boolean {
  const release = patterns.length;
  const variables = cells.filter((c) => c.release <= release && c.n > 0);
  const published: number[][] = [];
  patterns.forEach((visible, index) => {
    const upTo = variables.flatMap((c, i) => (c.release <= index + 1 ? [i] : []));
    // Every response of the table, counted, is known from elsewhere (progress, the rounds list); so, at
    // worst, is how many of them were flagged (whoever sat beside the tablets saw who said "Ja" to everything).
    if (knownTotal && upTo.length > 0) {
      published.push(upTo);
      const unflagged = upTo.filter((i) => !variables[i]!.flagged);
      // A few flagged (1 to k−1) are known as a few: then no clean margin is published (see choose), and adding
      // their known count here would only make the audit find the known few again.
      const flagged = upTo.reduce((sum, i) => sum + (variables[i]!.flagged ? variables[i]!.n : 0), 0);
      if (unflagged.length > 0 && unflagged.length < upTo.length && flagged >= k) published.push(unflagged);
    }
    for (const group of visible) {
      const members = upTo.filter((i) => inGroup(spec, group, variables[i]!));
      if (members.length > 0) published.push(members);
    }
  });
  return !isolatesFewerThan(variables.map((c) => c.n), published, k);
}

/** The clean margins to try with a set of published margins: every one that may stand, the clean total only, none. */
function cleanChoices(visible: Set<GroupKey>, counts: Map<GroupKey, number>, k: number): Set<GroupKey>[] {
  const allowed = (group: GroupKey) => {
    const clean = counts.get(cleanGroup(group))!;
    const flagged = counts.get(group)! - clean;
    return clean >= k && (flagged === 0 || flagged >= k);
  };
  const every = [...visible].filter(allowed).map(cleanGroup);
  const total = visible.has('total') && allowed('total') ? [cleanGroup('total')] : [];
  const choices = [every, total, []].filter((c, i, all) => i === 0 || c.length < all[i - 1]!.length);
  return choices.map((clean) => new Set([...visible, ...clean]));
}

/**
 * The published margins of releases 1 … thresholds.length, each chosen
 * given the earlier ones. Between margins of equal size, complementary
 * suppression hides first the one with fewer responses in `tieBreak`
 * (the round's count table), so that every measure tends to hide the
 * same units.
 */
export function releasePatterns(spec: TableSpec, cells: readonly Cell[], thresholds: readonly number[], tieBreak: readonly Cell[] = cells, knownTotal = false): Set<GroupKey>[] {
  const patterns: Set<GroupKey>[] = [];
  thresholds.forEach((k, index) => {
    patterns.push(choose(spec, cells, patterns, index + 1, k, tieBreak, knownTotal).visible);
  });
  return patterns;
}

function choose(spec: TableSpec, cells: readonly Cell[], earlier: readonly Set<GroupKey>[], release: number, k: number, tieBreak: readonly Cell[], knownTotal: boolean): { visible: Set<GroupKey>; level: number } {
  const counts = countsAt(spec, cells, release);
  const ties = countsAt(spec, tieBreak, release);
  // Where every response's count is known, and so at worst how many were flagged: when those are a few, no clean
  // margin at all, since any of them would tell where the few flagged responses are.
  const flaggedKnown = cells.filter((c) => c.release <= release && c.flagged).reduce((sum, c) => sum + c.n, 0);
  const noClean = knownTotal && flaggedKnown > 0 && flaggedKnown < k;
  for (let level = 0; level < 3; level++) {
    const base = pattern(level, spec, counts, k, ties);
    if (!base) continue;
    for (const visible of noClean ? [base] : cleanChoices(base, counts, k)) {
      if (safe(spec, cells, [...earlier, visible], k, knownTotal)) return { visible, level };
    }
  }
  return { visible: new Set(), level: 3 };
}

/** Whether the newest release still shows every margin the one before showed (the gate for late arrivals). */
export function releaseKeepsEveryFigure(spec: TableSpec, cells: readonly Cell[], thresholds: readonly number[], tieBreak: readonly Cell[] = cells, knownTotal = false): boolean {
  const earlier = releasePatterns(spec, cells, thresholds.slice(0, -1), tieBreak, knownTotal);
  const next = choose(spec, cells, earlier, thresholds.length, thresholds.at(-1)!, tieBreak, knownTotal).visible;
  return [...(earlier.at(-1) ?? [])].every((group) => next.has(group));
}

export interface Disclosed {
  readonly status: DisclosureStatus;
  readonly n: number;
}

/**
 * What may be shown of each margin in the newest release. With a threshold
 * changed since (kNow), only what both thresholds allow is shown: never
 * more than was safe when the release was made.
 */
export function disclose(spec: TableSpec, cells: readonly Cell[], thresholds: readonly number[], kNow: number, tieBreak: readonly Cell[] = cells, knownTotal = false): Map<GroupKey, Disclosed> {
  const release = thresholds.length;
  const patterns = releasePatterns(spec, cells, thresholds, tieBreak, knownTotal);
  const made = patterns.at(-1) ?? new Set<GroupKey>();
  const now = kNow === thresholds.at(-1) ? made : choose(spec, cells, patterns.slice(0, -1), release, kNow, tieBreak, knownTotal).visible;
  const k = Math.max(kNow, thresholds.at(-1) ?? kNow);
  const result = new Map<GroupKey, Disclosed>();
  for (const [group, n] of countsAt(spec, cells, release)) {
    const status: DisclosureStatus = made.has(group) && now.has(group) ? 'shown' : n === 0 ? 'empty' : n < k ? 'too-few' : 'protecting';
    result.set(group, { status, n });
  }
  return result;
}
