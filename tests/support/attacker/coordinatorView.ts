/**
 * Everything a coordinator can see or download about one round, read the
 * way an attacker reads it: each figure becomes the set of responses it
 * aggregates. The attacker knows every response's audience, unit, answer
 * mode, which questions it was shown and when it arrived (the worst case:
 * they sat beside the tablet), and knows the product's rules, including
 * which responses a published release of results contains. Worst case
 * too: they know which responses the consistency checks flagged, so the
 * view without flagged responses is read as sets of known members, and
 * whole minus clean is the flagged responses' figure. Favourable shares
 * (per theme, per question pair, the units × themes matrix, a section
 * reported apart such as the relatives' own contact) are sums of a
 * margin's published answer counts per question, read here as those
 * question figures; they publish nothing the question figures do not.
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
  /** Same answer to every scored question (three or more) or a contradicted reversed pair. */
  readonly flagged: boolean;
}

interface Filter {
  readonly unitId?: number;
  readonly answerMode?: Mode;
  readonly withoutFlagged?: boolean;
}

/** The respondents' groups without an answer mode are the persons themselves: proxy answers are their own group. */
const PROXY: Mode = 'someone-else';

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
    for (const filter of [...filters, ...filters.map((f) => ({ ...f, withoutFlagged: true }))]) await this.readResults(people, all, filter, moment);
    await this.readCsv(people, all, moment);
  }

  private select(people: readonly Person[], pool: readonly number[], audience: Person['audience'], filter: Filter, extra: (p: Person) => boolean = () => true): number[] {
    return pool.filter((i) => {
      const p = people[i]!;
      if (p.audience !== audience) return false;
      if (filter.unitId !== undefined && p.unitId !== filter.unitId) return false;
      // Relatives answer for themselves: an answer-mode filter leaves them as they are. Without one, respondents are the persons themselves.
      if (audience === 'respondent' && (filter.answerMode !== undefined ? p.mode !== filter.answerMode : p.mode === PROXY)) return false;
      if (filter.withoutFlagged && p.flagged) return false;
      return extra(p);
    });
  }

  /** The count group a filter names (see CountGroup). */
  private countGroup(audience: Person['audience'], filter: Filter): CountGroup {
    const mode = filter.answerMode;
    return { audience, unitId: filter.unitId, mode, self: audience === 'respondent' && mode === undefined ? true : undefined, clean: filter.withoutFlagged };
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
          // Each group as a whole, and its flagged and its unflagged responses apart.
          for (const flagged of [undefined, true, false]) {
            for (const [measure, test] of measures) {
              const members = all.filter((i) => {
                const p = people[i]!;
                return p.audience === audience && (unit === undefined || p.unitId === unit) && (mode === undefined || p.mode === mode) && (flagged === undefined || p.flagged === flagged) && test(p);
              });
              this.ledger.naturalGroup({ measure, members, where: `${audience}, unit ${unit ?? 'any'}, mode ${mode ?? 'any'}, flagged ${flagged ?? 'any'}, ${moment}` });
            }
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
    // Answers someone else gave on the person's behalf: their own group, on the whole round's page only.
    const proxyFilter: Filter = { answerMode: PROXY, withoutFlagged: filter.withoutFlagged };
    for (const audience of audiences) {
      this.count(this.countGroup(audience, filter), r.groups[audience], pool, `${where}: ${audience} group`);
    }
    if (r.groups.proxy) this.count(this.countGroup('respondent', proxyFilter), r.groups.proxy, pool, `${where}: proxy group`);
    if (r.flaggedLeftOut) {
      // How many each group left out: whole minus clean, a count of flagged responses.
      for (const audience of audiences) {
        if (typeof r.flaggedLeftOut[audience] === 'number') this.ledger.publishCount({ ...this.countGroup(audience, filter), clean: undefined, flaggedOnly: true }, pool, `${where}: ${audience} left out`);
      }
      if (typeof r.flaggedLeftOut.proxy === 'number') this.ledger.publishCount({ ...this.countGroup('respondent', proxyFilter), clean: undefined, flaggedOnly: true }, pool, `${where}: proxy left out`);
    }
    for (const row of r.themes) {
      for (const audience of audiences) {
        this.score(`theme:${row.theme}`, row[audience], this.select(people, pool, audience, filter, (p) => p.scoredThemes.has(row.theme)), `${where}: ${audience} ${row.theme}`, 'score');
      }
      if (row.proxy) this.score(`theme:${row.theme}`, row.proxy, this.select(people, pool, 'respondent', proxyFilter, (p) => p.scoredThemes.has(row.theme)), `${where}: proxy ${row.theme}`, 'score');
    }
    for (const modeRow of r.byAnswerMode ?? []) {
      const modeFilter = { unitId: filter.unitId, answerMode: modeRow.mode, withoutFlagged: filter.withoutFlagged };
      this.count(this.countGroup('respondent', modeFilter), modeRow.group, pool, `${where}: mode ${modeRow.mode}`);
      for (const t of modeRow.themes) {
        this.score(`theme:${t.theme}`, t.score, this.select(people, pool, 'respondent', modeFilter, (p) => p.scoredThemes.has(t.theme)), `${where}: mode ${modeRow.mode} ${t.theme}`, 'score');
      }
    }
    for (const unit of r.units ?? []) {
      for (const audience of audiences) {
        const unitFilter = { answerMode: filter.answerMode, unitId: unit.unitId ?? undefined, withoutFlagged: filter.withoutFlagged };
        const inUnit = (p: Person) => p.unitId === (unit.unitId ?? null);
        this.count({ ...this.countGroup(audience, unitFilter), unitId: unit.unitId ?? null }, unit[audience], pool, `${where}: unit ${unit.unitId} ${audience}`);
        this.score('overall', unit[audience], this.select(people, pool, audience, unitFilter, (p) => inUnit(p) && p.hasScored), `${where}: unit ${unit.unitId} ${audience} score`, 'score');
      }
    }
    for (const q of r.questions) {
      const members = this.select(people, pool, q.audience, q.voice === 'proxy' ? proxyFilter : filter, (p) => p.shown.has(q.questionId));
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
      this.count(this.countGroup(row.audience, filter), row.group, pool, `${where}: consistency ${row.audience}`);
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
      const [header = [], ...rows] = rowsOf(themes.body);
      for (const row of rows) {
        const theme = THEME_IDS[row[0] ?? ''];
        if (!theme) continue;
        const columns: [Person['audience'], number][] = [['respondent', header.indexOf('Personene selv: skår (0–100)')], ['relative', header.indexOf('Pårørende og verger: skår (0–100)')]];
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
