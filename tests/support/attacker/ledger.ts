/**
 * What a curious coordinator has learned about a round: every published
 * figure as the set of responses it aggregates, per measure (a count, a
 * theme score, one question's distribution, a list of comments …), and
 * every figure that was shown as hidden. `leaks()` then looks for any
 * group of fewer than k responses (a single response, a group the pages
 * called hidden, a cell of audience × unit × answer mode at some moment)
 * whose aggregate follows exactly from the published figures, by linear
 * algebra over everything seen at every moment.
 */
import { RowSpace } from './rowSpace.ts';

export interface Figure {
  readonly measure: string;
  readonly members: readonly number[];
  readonly where: string;
}

export class Ledger {
  private readonly published = new Map<string, Map<string, Figure>>();
  private readonly hidden: Figure[] = [];
  private readonly natural: Figure[] = [];
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

  /** How many distinct figures with answers in them were published: a test that saw none proves nothing. */
  publishedAnswerFigures(): number {
    return [...this.published].filter(([measure]) => measure !== 'count').reduce((sum, [, figures]) => sum + figures.size, 0);
  }

  leaks(size: number): string[] {
    const found = new Set<string>();
    for (const [measure, figures] of this.published) {
      const space = new RowSpace(size);
      for (const figure of figures.values()) space.add(figure.members);
      if (measure !== 'count') {
        const everyone = new Set([...figures.values()].flatMap((f) => f.members));
        for (const i of everyone) if (space.contains([i])) found.add(`${measure} of the single response #${i} follows from the published figures`);
      }
      for (const figure of [...this.hidden, ...this.natural]) {
        if (figure.measure !== measure) continue;
        if (space.contains(figure.members)) found.add(`${measure} of a group of ${figure.members.length} (${figure.where}) follows from the published figures`);
      }
    }
    return [...found, ...this.rowLevel];
  }
}
