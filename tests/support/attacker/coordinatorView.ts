/**
 * Everything a coordinator can see or download about one round, read the
 * way an attacker reads it: each figure becomes the set of responses it
 * aggregates. The attacker knows every response's audience, unit, answer
 * mode, which questions it was shown and when it arrived (the worst case:
 * they sat beside the tablet), and knows the product's rules, including
 * which responses a published release of results contains.
 */
import type { FastifyInstance } from 'fastify';
import type { CountGroup, Ledger } from './ledger.ts';

export type Mode = 'alone' | 'with-help' | 'someone-else' | 'not-recorded';
export const MODES: readonly Mode[] = ['alone', 'with-help', 'someone-else', 'not-recorded'];

export interface Person {
  readonly audience: 'respondent' | 'relative';
  readonly unitId: number | null;
  /** null for relatives, who answer for themselves. */
  readonly mode: Mode | null;
  readonly shown: ReadonlySet<string>;
  readonly scoredThemes: ReadonlySet<string>;
  readonly hasScored: boolean;
  readonly pairAnswered: boolean;
  readonly commentKeys: ReadonlySet<string>;
}

interface Filter {
  readonly unitId?: number;
  readonly answerMode?: Mode;
}

interface ScoreLike {
  n: number | null;
  score: number | null;
  suppressed: boolean;
}

const THEME_IDS: Record<string, string> = {
  Selvbestemmelse: 'selvbestemmelse',
  Trivsel: 'trivsel',
  Brukermedvirkning: 'brukermedvirkning',
  'Respektfull behandling': 'respektfull-behandling',
  Informasjon: 'informasjon',
  'Nok og riktig hjelp': 'nok-og-riktig-hjelp',
  Trygghet: 'trygghet',
};

export class CoordinatorView {
  private releaseSets = new Map<number, readonly number[]>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly cookie: string,
    private readonly roundId: number,
    private readonly unitIds: readonly number[],
    private readonly questionnaireIds: readonly string[],
    private readonly ledger: Ledger,
  ) {}

  private async get(path: string) {
    return this.app.inject({ method: 'GET', url: `/api/v1/coordinator${path}`, headers: { cookie: this.cookie } });
  }

  /** Reads everything after `arrived` responses (indexes 0 … arrived−1) have been stored. */
  async observe(people: readonly Person[], arrived: number, moment: string): Promise<void> {
    const all = people.map((_, i) => i).slice(0, arrived);
    this.ledger.moment(arrived);
    this.naturalGroups(people, all, moment);
    await this.readRoundList(all, moment);
    await this.readProgress(people, all, moment);
    const filters: Filter[] = [{}, ...this.unitIds.map((unitId) => ({ unitId })), ...MODES.map((answerMode) => ({ answerMode }))];
    for (const unitId of this.unitIds) for (const answerMode of MODES) filters.push({ unitId, answerMode });
    for (const filter of filters) await this.readResults(people, all, filter, moment);
    await this.readCsv(people, all, moment);
  }

  private select(people: readonly Person[], pool: readonly number[], audience: Person['audience'], filter: Filter, extra: (p: Person) => boolean = () => true): number[] {
    return pool.filter((i) => {
      const p = people[i]!;
      if (p.audience !== audience) return false;
      if (filter.unitId !== undefined && p.unitId !== filter.unitId) return false;
      // Relatives answer for themselves: an answer-mode filter leaves them as they are.
      if (filter.answerMode !== undefined && audience === 'respondent' && p.mode !== filter.answerMode) return false;
      return extra(p);
    });
  }

  private naturalGroups(people: readonly Person[], all: readonly number[], moment: string): void {
    const measures: [string, (p: Person) => boolean][] = [
      ['overall', (p) => p.hasScored],
      ...['trivsel', 'trygghet', 'selvbestemmelse', 'respektfull-behandling', 'nok-og-riktig-hjelp'].map((t): [string, (p: Person) => boolean] => [`theme:${t}`, (p) => p.scoredThemes.has(t)]),
    ];
    for (const audience of ['respondent', 'relative'] as const) {
      const units: (number | null | undefined)[] = [undefined, null, ...this.unitIds];
      const modes: (Mode | null | undefined)[] = audience === 'respondent' ? [undefined, ...MODES] : [undefined];
      for (const unit of units) {
        for (const mode of modes) {
          for (const [measure, test] of measures) {
            const members = all.filter((i) => {
              const p = people[i]!;
              return p.audience === audience && (unit === undefined || p.unitId === unit) && (mode === undefined || p.mode === mode) && test(p);
            });
            this.ledger.naturalGroup({ measure, members, where: `${audience}, unit ${unit ?? 'any'}, mode ${mode ?? 'any'}, ${moment}` });
          }
        }
      }
    }
  }

  private async readRoundList(all: readonly number[], moment: string): Promise<void> {
    const rounds: { id: number; responseCount: unknown }[] = (await this.get('/rounds')).json();
    const mine = rounds.find((r) => r.id === this.roundId);
    if (typeof mine?.responseCount === 'number') this.ledger.publishCount({}, all, `rounds list, ${moment}`);
  }

  private async readProgress(people: readonly Person[], all: readonly number[], moment: string): Promise<void> {
    const res = await this.get(`/rounds/${this.roundId}/progress`);
    if (res.statusCode !== 200) return;
    const progress = res.json() as { total?: unknown; totals?: Record<string, unknown>; rows: { unitId: number | null; audience: Person['audience']; count?: unknown }[] };
    if (typeof progress.total === 'number') this.ledger.publishCount({}, all, `progress total, ${moment}`);
    for (const audience of ['respondent', 'relative'] as const) {
      if (typeof progress.totals?.[audience] === 'number') this.ledger.publishCount({ audience }, all, `progress ${audience} total, ${moment}`);
    }
    for (const row of progress.rows) {
      if (typeof row.count === 'number') this.ledger.publishCount({ audience: row.audience, unitId: row.unitId }, all, `progress unit ${row.unitId}, ${moment}`);
    }
  }

  /** The responses a results page is made from: all that have arrived, or those of the release it names. */
  private poolOf(results: { release?: { number: number } | null }, all: readonly number[]): readonly number[] {
    const release = results.release?.number;
    if (release === undefined) return all;
    if (!this.releaseSets.has(release)) this.releaseSets.set(release, all);
    return this.releaseSets.get(release)!;
  }

  private count(group: CountGroup, score: ScoreLike, pool: readonly number[], where: string): void {
    if (score.n !== null && !score.suppressed) this.ledger.publishCount(group, pool, where);
    else if (score.suppressed) this.ledger.hideCount(group, pool, where);
  }

  private score(measure: string, score: ScoreLike, members: number[], where: string, value: 'n' | 'score'): void {
    const figure = { measure, members, where };
    if (score[value] !== null && !score.suppressed) this.ledger.publish(figure);
    else if (score.suppressed) this.ledger.hide(figure);
  }

  private async readResults(people: readonly Person[], all: readonly number[], filter: Filter, moment: string): Promise<void> {
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)])).toString();
    const res = await this.get(`/rounds/${this.roundId}/results${query ? `?${query}` : ''}`);
    if (res.statusCode >= 500) throw new Error(`results answered ${res.statusCode} for ${query}`);
    if (res.statusCode !== 200) return;
    const r = res.json();
    const pool = this.poolOf(r, all);
    const where = `results ${query || 'unfiltered'}, ${moment}`;
    const audiences = ['respondent', 'relative'] as const;
    for (const audience of audiences) {
      this.count({ audience, unitId: filter.unitId, mode: filter.answerMode }, r.groups[audience], pool, `${where}: ${audience} group`);
    }
    for (const row of r.themes) {
      for (const audience of audiences) {
        this.score(`theme:${row.theme}`, row[audience], this.select(people, pool, audience, filter, (p) => p.scoredThemes.has(row.theme)), `${where}: ${audience} ${row.theme}`, 'score');
      }
    }
    for (const modeRow of r.byAnswerMode ?? []) {
      const modeFilter = { unitId: filter.unitId, answerMode: modeRow.mode };
      this.count({ audience: 'respondent', unitId: filter.unitId, mode: modeRow.mode }, modeRow.group, pool, `${where}: mode ${modeRow.mode}`);
      for (const t of modeRow.themes) {
        this.score(`theme:${t.theme}`, t.score, this.select(people, pool, 'respondent', modeFilter, (p) => p.scoredThemes.has(t.theme)), `${where}: mode ${modeRow.mode} ${t.theme}`, 'score');
      }
    }
    for (const unit of r.units ?? []) {
      for (const audience of audiences) {
        const unitFilter = { answerMode: filter.answerMode, unitId: unit.unitId ?? undefined };
        const inUnit = (p: Person) => p.unitId === (unit.unitId ?? null);
        this.count({ audience, unitId: unit.unitId ?? null, mode: filter.answerMode }, unit[audience], pool, `${where}: unit ${unit.unitId} ${audience}`);
        this.score('overall', unit[audience], this.select(people, pool, audience, unitFilter, (p) => inUnit(p) && p.hasScored), `${where}: unit ${unit.unitId} ${audience} score`, 'score');
      }
    }
    for (const q of r.questions) {
      const members = this.select(people, pool, q.audience, filter, (p) => p.shown.has(q.questionId));
      const figure = { measure: `question:${q.questionId}`, members, where: `${where}: question ${q.questionId}` };
      if (!q.suppressed && q.n !== null) this.ledger.publish(figure);
      else this.ledger.hide(figure);
    }
    for (const row of r.trend ?? []) {
      if (row.roundId !== this.roundId) continue;
      for (const t of row.themes) {
        this.score(`theme:${t.theme}`, t.score, this.select(people, pool, row.audience, filter, (p) => p.scoredThemes.has(t.theme)), `${where}: trend ${row.audience} ${t.theme}`, 'score');
      }
    }
    for (const row of r.consistency ?? []) {
      this.count({ audience: row.audience, unitId: filter.unitId, mode: filter.answerMode }, row.group, pool, `${where}: consistency ${row.audience}`);
      if (row.sameAnswerShare !== null) this.ledger.publish({ measure: 'same', members: this.select(people, pool, row.audience, filter, (p) => p.hasScored), where: `${where}: same answers ${row.audience}` });
      if (row.inconsistentPairShare !== null) this.ledger.publish({ measure: 'pair', members: this.select(people, pool, row.audience, filter, (p) => p.pairAnswered), where: `${where}: pairs ${row.audience}` });
    }
    if (r.comments && !r.comments.suppressed) {
      for (const section of r.comments.sections) {
        const figure = { measure: `comment:${section.key}`, members: this.select(people, pool, 'relative', filter, (p) => p.commentKeys.has(section.key)), where: `${where}: comments ${section.key}` };
        if (section.status === undefined || section.status === 'shown') this.ledger.publish(figure);
        else this.ledger.hide(figure);
      }
    }
  }

  private async readCsv(people: readonly Person[], all: readonly number[], moment: string): Promise<void> {
    const rowsOf = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));
    const hiddenCell = (cell: string | undefined) => cell === undefined || cell === '' || !/^-?\d/.test(cell);
    const themes = await this.get(`/rounds/${this.roundId}/export.csv?table=themes`);
    if (themes.statusCode >= 500) throw new Error(`themes export answered ${themes.statusCode}`);
    if (themes.statusCode === 200) {
      const pool = this.releaseSets.size > 0 ? this.releaseSets.get(Math.max(...this.releaseSets.keys()))! : all;
      for (const row of rowsOf(themes.body).slice(1)) {
        const theme = THEME_IDS[row[0] ?? ''];
        if (!theme) continue;
        const columns: [Person['audience'], number][] = [['respondent', 1], ['relative', 3]];
        for (const [audience, column] of columns) {
          if (!hiddenCell(row[column])) this.ledger.publish({ measure: `theme:${theme}`, members: this.select(people, pool, audience, {}, (p) => p.scoredThemes.has(theme)), where: `themes CSV, ${moment}` });
        }
      }
    }
    for (const questionnaireId of this.questionnaireIds) {
      const res = await this.get(`/rounds/${this.roundId}/export.csv?table=responses&questionnaireId=${questionnaireId}`);
      if (res.statusCode >= 500) throw new Error(`responses export answered ${res.statusCode}`);
      if (res.statusCode !== 200) continue;
      const [header, ...rows] = rowsOf(res.body);
      if (!header) continue;
      // Quasi-identifiers: everything in a row except the answers themselves.
      const quasi = ['Enhet', 'Hvordan svarene ble gitt', 'Måned', 'Språk', 'Fullført'].map((name) => header.indexOf(name)).filter((i) => i >= 0);
      const classes = new Map<string, number>();
      for (const row of rows) {
        const key = quasi.map((i) => row[i]).join('|');
        classes.set(key, (classes.get(key) ?? 0) + 1);
      }
      for (const [key, n] of classes) {
        if (n < this.ledger.k) this.ledger.rowLevel.push(`the row-level export of ${questionnaireId} has ${n} row(s) with ${key} (${moment})`);
      }
    }
  }
}
