/**
 * Keeps every questionnaire version the server has ever served. Answers
 * made on a tablet with an older version still fit that version, so they
 * are never stuck after an update. A changed file must raise its version.
 */
import type { Kysely } from 'kysely';
import { questionnaireSchemaFor, type Questionnaire } from '../shared/questionnaire.ts';
import { questionLinks, type QuestionnaireMapping } from '../shared/questionnaireMapping.ts';
import type { Database } from './db/schema.ts';
import { shippedMappings } from './loadQuestionnaires.ts';

function canonical(q: Questionnaire): string {
  return JSON.stringify(q);
}

/** A stored definition read with today's schema (older ones may carry `"reversed": false` the schema once added). */
function parseStored(definition: string): Questionnaire {
  const json: unknown = JSON.parse(definition);
  return questionnaireSchemaFor(json).parse(json);
}

/** Stored definitions written before `reversed` became optional held `"reversed": false` on every question: the same content. */
function sameContent(stored: string, q: Questionnaire): boolean {
  if (stored === canonical(q)) return true;
  const withoutDefault = (x: Questionnaire) => JSON.stringify({ ...x, questions: x.questions.map(({ reversed, ...rest }) => (reversed ? { ...rest, reversed } : rest)) });
  return withoutDefault(parseStored(stored)) === withoutDefault(q);
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
    } else if (!sameContent(stored.definition, q)) {
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
  private mappingList: readonly QuestionnaireMapping[] | undefined;

  /** `mappings`: the links between editions for trends; by default the shipped questionnaires/mappings/. */
  constructor(
    private readonly db: Kysely<Database>,
    mappings?: readonly QuestionnaireMapping[],
  ) {
    this.mappingList = mappings;
  }

  /** For each question of version `to`, the question of version `from` that asks the same; null when no mapping links them. */
  links(id: string, from: number, to: number): Map<string, string> | null {
    this.mappingList ??= shippedMappings();
    return questionLinks(this.mappingList, id, from, to);
  }

  async get(id: string, version: number): Promise<Questionnaire | null> {
    const key = `${id}@${version}`;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const row = await this.db
      .selectFrom('questionnaire_versions')
      .select('definition')
      .where('questionnaire_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const parsed: Questionnaire | null = row ? parseStored(row.definition) : null;
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
