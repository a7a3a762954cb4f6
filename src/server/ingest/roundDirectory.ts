/**
 * What ingest checks every response against, kept in memory per database
 * handle: a round by its code, with its units and questionnaires. Ingest
 * reads a round from the database once every few seconds instead of three
 * times per response. An entry is only trusted to accept: before a response
 * is refused for its round, unit or questionnaire, the entry is read again.
 */
import type { Kysely } from 'kysely';
import { normalizeCode } from '../codes.ts';
import { perDatabase } from '../db/perDatabase.ts';
import type { Database } from '../db/schema.ts';
import { findRoundByCode, type FoundRound } from '../rounds.ts';

export interface RoundEntry {
  readonly found: FoundRound;
  readonly units: ReadonlySet<number>;
  readonly questionnaires: ReadonlySet<string>;
}

/** How long an entry may accept without a fresh read: a round closed meanwhile takes answers this much longer. */
const FRESH_MS = 2000;
const MAX_ENTRIES = 1000;

interface Held {
  readonly entry: Promise<RoundEntry | null>;
  readonly readAt: number;
}

async function readEntry(db: Kysely<Database>, code: string): Promise<RoundEntry | null> {
  const found = await findRoundByCode(db, code);
  if (!found) return null;
  const [units, questionnaires] = await Promise.all([
    db.selectFrom('round_units').select('unit_id').where('round_id', '=', found.round.id).execute(),
    db.selectFrom('round_questionnaires').select('questionnaire_id').where('round_id', '=', found.round.id).execute(),
  ]);
  return { found, units: new Set(units.map((u) => u.unit_id)), questionnaires: new Set(questionnaires.map((q) => q.questionnaire_id)) };
}

export class RoundDirectory {
  private readonly held = new Map<string, Held>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The round behind a code; `fresh` reads it from the database whatever is held. */
  async get(typed: string, fresh = false): Promise<RoundEntry | null> {
    const code = normalizeCode(typed);
    const now = Date.now();
    const held = this.held.get(code);
    if (held && !fresh && now - held.readAt < FRESH_MS) return held.entry;
    const entry = readEntry(this.db, code);
    this.held.delete(code);
    this.held.set(code, { entry, readAt: now });
    entry.catch(() => this.held.delete(code));
    if (this.held.size > MAX_ENTRIES) this.held.delete(this.held.keys().next().value!);
    return entry;
  }
}

export const roundDirectory = perDatabase((db) => new RoundDirectory(db));
