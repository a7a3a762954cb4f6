/**
 * A round under attack: a municipality of its own with a coordinator,
 * units and an open round on the real server (app.inject), responses that
 * arrive one at a time, closing, and after every step everything the
 * coordinator can see read into a Ledger. Shared by the property-based
 * attacker and the integration tests of each leak class.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/server/db/database.ts';
import { createMunicipality, createRound, createUnit } from '../../../src/server/roundAdmin.ts';
import type { SurveyResponse } from '../../../src/shared/response.ts';
import { CoordinatorView, type Mode, type Person } from './coordinatorView.ts';
import { Ledger } from './ledger.ts';

export const PASSWORD = 'riktig hest batteri stift';
export const HEADERS = { origin: 'http://localhost:80', host: 'localhost:80' };

/** One response as drawn: who answered, where, how, and what. */
export interface Drawn {
  readonly relative: boolean;
  readonly unit: number;
  readonly noUnit: boolean;
  readonly answeredBy: SurveyResponse['answeredBy'];
  readonly language: string;
  readonly month: string;
  readonly trives?: string | null | undefined;
  readonly lei?: string | null | undefined;
  readonly trygg?: string | null | undefined;
  readonly bestemme?: string | null | undefined;
  readonly dagtid?: 'ja' | 'nei' | undefined;
  readonly liker?: string | null | undefined;
  readonly trivsel?: string | null | undefined;
  readonly trygghet?: string | null | undefined;
  readonly boligComment: boolean;
  readonly finalComment: boolean;
}

/** A respondent in the first unit who answered alone and liked it, unless told otherwise. */
export function drawn(overrides: Partial<Drawn> = {}): Drawn {
  return { relative: false, unit: 0, noUnit: false, answeredBy: 'alone', language: 'nb', month: '2026-10-15', trives: 'ja', boligComment: false, finalComment: false, ...overrides };
}

const MODE_OF: Record<string, Mode> = { alone: 'alone', 'with-staff': 'with-help', 'with-relative': 'with-help', 'someone-else': 'someone-else' };

export function build(drawn: Drawn, index: number, units: readonly number[], codes: { tablet: string; relative: string }): { response: SurveyResponse; person: Person } {
  const unitId = drawn.relative && drawn.noUnit ? null : units[drawn.unit % units.length]!;
  const answers: Record<string, string | null> = {};
  const comments: Record<string, string> = {};
  if (drawn.relative) {
    answers.relasjon = 'forelder';
    if (drawn.trivsel !== undefined) answers['bolig-trivsel'] = drawn.trivsel;
    if (drawn.trygghet !== undefined) answers['bolig-trygghet'] = drawn.trygghet;
    if (drawn.boligComment) comments.bolig = `Om boligen, svar ${index}.`;
    if (drawn.finalComment) comments.final = `Til slutt, svar ${index}.`;
  } else {
    const set = (id: string, value: string | null | undefined) => value !== undefined && (answers[id] = value);
    set('bolig-trives', drawn.trives);
    set('bolig-lei', drawn.lei);
    set('bolig-trygg', drawn.trygg);
    set('bolig-bestemme', drawn.bestemme);
    set('dagtid-har', drawn.dagtid);
    if (drawn.dagtid === 'ja') set('dagtid-liker', drawn.liker);
  }
  const ended = !drawn.relative && drawn.answeredBy === null;
  const response: SurveyResponse = {
    id: randomUUID(),
    questionnaireId: drawn.relative ? 'eksempel-parorende' : 'eksempel',
    questionnaireVersion: 1,
    audience: drawn.relative ? 'relative' : 'respondent',
    language: drawn.language as SurveyResponse['language'],
    roundCode: drawn.relative ? codes.relative : codes.tablet,
    unitId,
    answeredBy: drawn.relative ? null : drawn.answeredBy,
    answers,
    comments,
    completion: ended ? 'ended' : 'finished',
    completedOn: drawn.month,
  };
  const themeOf: Record<string, string> = {
    'bolig-trives': 'trivsel', 'bolig-lei': 'trivsel', 'bolig-trygg': 'trygghet', 'bolig-bestemme': 'selvbestemmelse', 'dagtid-liker': 'trivsel',
    'bolig-trivsel': 'trivsel', 'bolig-trygghet': 'trygghet',
  };
  const scored = Object.entries(answers).filter(([id, value]) => value !== null && themeOf[id]);
  // The consistency flags, by the questionnaire's rules: one value for three or more scored answers, or
  // "Ja" (or "Nei") both to bolig-trives and to its reversed twin bolig-lei.
  const sameAnswer = scored.length >= 3 && new Set(scored.map(([, value]) => value)).size === 1;
  const contradicted = !drawn.relative && answers['bolig-trives'] != null && answers['bolig-trives'] !== 'bade' && answers['bolig-trives'] === answers['bolig-lei'];
  const person: Person = {
    audience: response.audience,
    unitId,
    mode: drawn.relative ? null : drawn.answeredBy === null ? 'not-recorded' : MODE_OF[drawn.answeredBy]!,
    shown: new Set(Object.keys(answers)),
    scoredThemes: new Set(scored.map(([id]) => themeOf[id]!)),
    hasScored: scored.length > 0,
    pairAnswered: answers['bolig-trives'] != null && answers['bolig-lei'] != null,
    flagged: sameAnswer || contradicted,
    commentKeys: new Set(Object.keys(comments)),
  };
  return { response, person };
}


export class AttackedRound {
  readonly people: Person[] = [];
  readonly ledger: Ledger;
  private closed = false;

  private constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string,
    readonly round: { id: number; tablet_code: string; relative_code: string },
    readonly units: readonly number[],
    readonly k: number,
    private readonly address: string,
    private readonly view: CoordinatorView,
    ledger: Ledger,
  ) {
    this.ledger = ledger;
  }

  static async start(app: FastifyInstance, db: Db, passwordHash: string, name: string, unitCount: number, k: number): Promise<AttackedRound> {
    const municipalityId = await createMunicipality(db.kysely, `Kommune ${name}`);
    await db.kysely.updateTable('municipalities').set({ anonymity_threshold: k }).where('id', '=', municipalityId).execute();
    const username = `koordinator-${name}`;
    await db.kysely.insertInto('coordinators').values({ municipality_id: municipalityId, username, password_hash: passwordHash, is_admin: 1 }).execute();
    // Each municipality signs in from an address of its own on loopback, as its own office would, so the per-address limit is not the test's.
    const address = `127.1.${municipalityId >> 8}.${municipalityId & 255}`;
    const login = await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password: PASSWORD }, headers: HEADERS, remoteAddress: address });
    if (login.statusCode !== 200) throw new Error(`sign-in answered ${login.statusCode}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const units: number[] = [];
    for (let u = 0; u < unitCount; u++) units.push(await createUnit(db.kysely, municipalityId, `Bolig ${u + 1}`));
    const round = await createRound(db.kysely, {
      municipalityId, name: `Runde ${name}`, opensOn: '2026-09-01', closesOn: '2026-12-31', status: 'open', unitIds: units, questionnaireIds: ['eksempel', 'eksempel-parorende'],
    });
    const ledger = new Ledger(k);
    const view = new CoordinatorView(app, cookie, round.id, units, ['eksempel', 'eksempel-parorende'], ledger);
    return new AttackedRound(app, cookie, round, units, k, address, view, ledger);
  }

  /** GET on the coordinator API as this round's coordinator. */
  get(path: string, headers: Record<string, string> = {}) {
    return this.app.inject({ method: 'GET', url: `/api/v1/coordinator${path}`, headers: { cookie: this.cookie, ...headers } });
  }

  /** Sends one response, then reads everything the coordinator can see. */
  async arrive(response: Drawn): Promise<void> {
    const index = this.people.length;
    const { response: body, person } = build(response, index, this.units, { tablet: this.round.tablet_code, relative: this.round.relative_code });
    // Each municipality's tablets send from an address of their own, so the per-address limit is not the test's.
    const stored = await this.app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses: [body] }, remoteAddress: this.address });
    if (stored.statusCode !== 200) throw new Error(`response #${index} answered ${stored.statusCode}: ${stored.body}`);
    this.people.push(person);
    await this.view.observe(this.people, this.people.length, `after arrival #${index}${this.closed ? ' (round closed)' : ''}`);
  }

  async close(): Promise<void> {
    const res = await this.app.inject({ method: 'PATCH', url: `/api/v1/coordinator/rounds/${this.round.id}`, payload: { status: 'closed' }, headers: { ...HEADERS, cookie: this.cookie } });
    if (res.statusCode !== 200) throw new Error(`closing answered ${res.statusCode}`);
    this.closed = true;
    await this.view.observe(this.people, this.people.length, 'after closing');
  }

  leaks(): string[] {
    return this.ledger.leaks(this.people, this.units);
  }
}
