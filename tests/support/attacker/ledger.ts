/**
 * What a curious coordinator has learned about a round, and what follows.
 *
 * Answers: every published figure is the set of responses it aggregates,
 * per measure (a theme score, one question's distribution, a list of
 * comments …). The attacker is given the worst case: they know every
 * response's audience, unit, answer mode, the questions it was shown and
 * when it arrived. A single response, a group the pages called hidden, or
 * a cell of audience × unit × answer mode with fewer than k responses
 * whose indicator lies in the span of the published sets has its answers
 * known: a leak.
 *
 * Counts: here who is where is what is secret, so the unknowns are, for
 * every arrival, which cell of its audience it fell in; each arrival is
 * one person (known), and every published count is the sum of those
 * unknowns over the group's cells and the arrivals its page was made
 * from. A hidden group, or a cell at some moment, of 1 to k−1 responses
 * whose count follows is a leak.
 */
import type { Mode, Person } from './coordinatorView.ts';
import { RowSpace } from './rowSpace.ts';

export interface Figure {
  readonly measure: string;
  readonly members: readonly number[];
  readonly where: string;
}

/**
 * A group as the coordinator names it; relatives have no answer mode, so
 * `mode` leaves them whole. `self`: respondents but proxy answers (the
 * persons themselves). `clean`: only unflagged responses; `flaggedOnly`:
 * only flagged ones (a count of those left out). Which responses are
 * flagged is known to the attacker (the worst case).
 */
export interface CountGroup {
  readonly audience?: Person['audience'];
  readonly unitId?: number | null;
  readonly mode?: Mode;
  readonly self?: boolean | undefined;
  readonly clean?: boolean | undefined;
  readonly flaggedOnly?: boolean | undefined;
}

interface CountFigure {
  readonly group: CountGroup;
  readonly pool: readonly number[];
  readonly where: string;
}

interface CellKey {
  readonly audience: Person['audience'];
  readonly unitId: number | null;
  readonly mode: Mode | null;
}

const inGroup = (group: CountGroup, cell: CellKey) =>
  (group.audience === undefined || group.audience === cell.audience) &&
  (group.unitId === undefined || group.unitId === cell.unitId) &&
  (group.mode === undefined || cell.audience === 'relative' || group.mode === cell.mode) &&
  (!group.self || cell.audience === 'relative' || cell.mode !== 'someone-else');

/** Whether an arrival counts in a group, by what the attacker knows of it (its flag). */
const counts = (group: CountGroup, person: Person) => (!group.clean || !person.flagged) && (!group.flaggedOnly || person.flagged);

export class Ledger {
  private readonly published = new Map<string, Map<string, Figure>>();
  private readonly hidden: Figure[] = [];
  private readonly natural: Figure[] = [];
  private readonly counts = new Map<string, CountFigure>();
  private readonly hiddenCounts: CountFigure[] = [];
  private readonly moments: number[] = [];
  readonly rowLevel: string[] = [];

  constructor(readonly k: number) {}

  publish(figure: Figure): void {
    if (figure.members.length === 0) return;
    const key = [...figure.members].sort((a, b) => a - b).join(',');
    const byMeasure = this.published.get(figure.measure) ?? new Map<string, Figure>();
    if (!byMeasure.has(key)) byMeasure.set(key, figure);
    this.published.set(figure.measure, byMeasure);
  }

  hide(figure: Figure): void {
    if (figure.members.length > 0 && figure.members.length < this.k) this.hidden.push(figure);
  }

  /** A group that exists in the data whether or not any page names it. */
  naturalGroup(figure: Figure): void {
    if (figure.members.length > 0 && figure.members.length < this.k) this.natural.push(figure);
  }

  publishCount(group: CountGroup, pool: readonly number[], where: string): void {
    const key = `${JSON.stringify(group)}|${pool.length}`;
    if (!this.counts.has(key)) this.counts.set(key, { group, pool, where });
  }

  hideCount(group: CountGroup, pool: readonly number[], where: string): void {
    this.hiddenCounts.push({ group, pool, where });
  }

  /** A moment the attacker looked: after this many arrivals. */
  moment(arrived: number): void {
    this.moments.push(arrived);
  }

  /** How many distinct figures with answers in them were published: a test that saw none proves nothing. */
  publishedAnswerFigures(): number {
    return [...this.published.values()].reduce((sum, figures) => sum + figures.size, 0);
  }

  leaks(people: readonly Person[], unitIds: readonly number[]): string[] {
    return [...this.answerLeaks(people.length), ...this.countLeaks(people, unitIds), ...this.rowLevel];
  }

  private answerLeaks(size: number): string[] {
    const found = new Set<string>();
    for (const [measure, figures] of this.published) {
      const space = new RowSpace(size);
      for (const figure of figures.values()) space.add(figure.members);
      const everyone = new Set([...figures.values()].flatMap((f) => f.members));
      for (const i of everyone) if (space.contains([i])) found.add(`${measure} of the single response #${i} follows from the published figures`);
      for (const figure of [...this.hidden, ...this.natural]) {
        if (figure.measure === measure && space.contains(figure.members)) found.add(`${measure} of a group of ${figure.members.length} (${figure.where}) follows from the published figures`);
      }
    }
    return [...found];
  }

  private countLeaks(people: readonly Person[], unitIds: readonly number[]): string[] {
    const units = [...unitIds, null];
    const modes: Mode[] = ['alone', 'with-help', 'someone-else', 'not-recorded'];
    // Columns: (arrival, a cell of its audience).
    const columns: { arrival: number; cell: CellKey }[] = [];
    people.forEach((person, arrival) => {
      for (const unitId of units) {
        if (person.audience === 'relative') columns.push({ arrival, cell: { audience: 'relative', unitId, mode: null } });
        else for (const mode of modes) columns.push({ arrival, cell: { audience: 'respondent', unitId, mode } });
      }
    });
    const columnsOf = (group: CountGroup, pool: readonly number[]) => {
      const inPool = new Set(pool);
      return columns.flatMap((c, i) => (inPool.has(c.arrival) && counts(group, people[c.arrival]!) && inGroup(group, c.cell) ? [i] : []));
    };
    const sizeOf = (group: CountGroup, pool: readonly number[]) =>
      pool.filter((i) => counts(group, people[i]!) && inGroup(group, { audience: people[i]!.audience, unitId: people[i]!.unitId, mode: people[i]!.mode })).length;
    const space = new RowSpace(columns.length);
    // Each arrival is one person: known to everyone.
    people.forEach((_, arrival) => space.add(columns.flatMap((c, i) => (c.arrival === arrival ? [i] : []))));
    for (const figure of this.counts.values()) space.add(columnsOf(figure.group, figure.pool));

    const found = new Set<string>();
    const check = (group: CountGroup, pool: readonly number[], where: string) => {
      const size = sizeOf(group, pool);
      if (size > 0 && size < this.k && space.contains(columnsOf(group, pool))) found.add(`the count of a group of ${size} (${where}) follows from the published counts`);
    };
    // How many of an audience have arrived is part of the model (each arrival's audience is known), so only smaller groups count.
    for (const figure of this.hiddenCounts) if (figure.group.unitId !== undefined || (figure.group.mode !== undefined && figure.group.audience !== 'relative')) check(figure.group, figure.pool, figure.where);
    for (const arrived of new Set(this.moments)) {
      const pool = people.map((_, i) => i).slice(0, arrived);
      for (const audience of ['respondent', 'relative'] as const) {
        for (const unitId of [undefined, ...units]) {
          for (const mode of audience === 'respondent' ? [undefined, ...modes] : [undefined]) {
            // How many of each audience have arrived is known (each arrival's audience is a column choice),
            // and, in the worst case, which arrivals were flagged; where the flagged ones are is not.
            if (unitId === undefined && mode === undefined) continue;
            const where = `${audience}, unit ${unitId ?? 'any'}, mode ${mode ?? 'any'}, after ${arrived} arrivals`;
            check({ audience, unitId, mode }, pool, where);
            check({ audience, unitId, mode, flaggedOnly: true }, pool, `${where}, flagged`);
            check({ audience, unitId, mode, clean: true }, pool, `${where}, unflagged`);
          }
        }
      }
    }
    return [...found];
  }
}
