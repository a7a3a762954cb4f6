/**
 * Keeps every questionnaire version the server has ever served. Answers
 * made on a tablet with an older version still fit that version, so they
 * are never stuck after an update. A changed file must raise its version.
 */
import type { Kysely } from 'kysely';
import { questionnaireSchemaFor, type Questionnaire } from '../shared/questionnaire.ts';
import type { Database } from './db/schema.ts';

function canonical(q: Questionnaire): string {
  return JSON.stringify(q);
}

/** Stores the current files' versions; returns one line per file whose content changed without a new version. */
export async function registerQuestionnaires(db: Kysely<Database>, questionnaires: readonly Questionnaire[]): Promise<string[]> {
  const problems: string[] = [];
  for (const q of questionnaires) {
    const stored = await db
      .selectFrom('questionnaire_versions')
      .select('definition')
      .where('questionnaire_id', '=', q.id)
      .where('version', '=', q.version)
      .executeTakeFirst();
    if (!stored) {
      await db
        .insertInto('questionnaire_versions')
        .values({ questionnaire_id: q.id, version: q.version, audience: q.audience, definition: canonical(q) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else if (stored.definition !== canonical(q)) {
      problems.push(
        `spørreskjemaet «${q.id}» er endret, men har fortsatt versjon ${q.version} — øk «version» i filen, så beholder svar på den gamle versjonen sin betydning`,
      );
    }
  }
  return problems;
}

/** Versions never change once stored, so one process may cache them for its lifetime. */
export class QuestionnaireCache {
  private readonly cache = new Map<string, Questionnaire | null>();

  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string, version: number): Promise<Questionnaire | null> {
    const key = `${id}@${version}`;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const row = await this.db
      .selectFrom('questionnaire_versions')
      .select('definition')
      .where('questionnaire_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const parsed: Questionnaire | null = row ? questionnaireSchemaFor(JSON.parse(row.definition)).parse(JSON.parse(row.definition)) : null;
    if (parsed) this.cache.set(key, parsed);
    return parsed;
  }

  async latest(id: string): Promise<Questionnaire | null> {
    const row = await this.db
      .selectFrom('questionnaire_versions')
      .select('version')
      .where('questionnaire_id', '=', id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return row ? this.get(id, row.version) : null;
  }
}
