/**
 * Reads and checks every questionnaire file: the current editions in
 * questionnaires/, the frozen earlier editions in questionnaires/previous/
 * (<id>-<version>.json, kept so a fresh server knows every version answers
 * may come from) and the mappings between editions in
 * questionnaires/mappings/. The validation command, `npm start` and the
 * test run all refuse to go on when this reports a problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeIssue } from '../shared/describeIssue.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import { checkMapping, mappingFileName, mappingSchema, type QuestionnaireMapping } from '../shared/questionnaireMapping.ts';
import { formatProblem, validateQuestionnaire } from '../shared/validateQuestionnaire.ts';

export interface LoadedQuestionnaires {
  /** The current edition of each questionnaire (the files in questionnaires/). */
  readonly questionnaires: readonly Questionnaire[];
  /** Earlier editions (questionnaires/previous/), oldest first. */
  readonly previous: readonly Questionnaire[];
  /** Every version the server must know: the earlier editions, then the current ones. */
  readonly all: readonly Questionnaire[];
  readonly mappings: readonly QuestionnaireMapping[];
  /** One line per problem, "file: path what is wrong — how to fix it". */
  readonly errors: readonly string[];
}

export const QUESTIONNAIRE_DIR = join(import.meta.dirname, '../../questionnaires');
export const PUBLIC_DIR = join(import.meta.dirname, '../../public');

const jsonFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []);

function readJson(path: string, shown: string, errors: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    errors.push(`${shown}: filen er ikke gyldig JSON (${(error as Error).message}) — sjekk komma, klammer og anførselstegn`);
    return undefined;
  }
}

export function loadQuestionnaires(dir = QUESTIONNAIRE_DIR, publicDir = PUBLIC_DIR): LoadedQuestionnaires {
  const questionnaires: Questionnaire[] = [];
  const previous: Questionnaire[] = [];
  const errors: string[] = [];
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const assetExists = (path: string) => {
    const full = join(publicDir, path);
    return existsSync(full) && statSync(full).isFile();
  };
  const load = (path: string): Questionnaire | null => {
    const json = readJson(path, shown(path), errors);
    if (json === undefined) return null;
    const result = validateQuestionnaire(json, { assetExists });
    if (!result.ok) {
      errors.push(...result.problems.map((problem) => formatProblem(shown(path), problem)));
      return null;
    }
    return result.questionnaire;
  };

  const files = jsonFiles(dir);
  if (files.length === 0) errors.push(`${shown(dir)}: ingen spørreskjema funnet — legg minst én .json-fil her`);
  const seen = new Map<string, string>();
  for (const file of files) {
    const q = load(join(dir, file));
    if (!q) continue;
    const other = seen.get(q.id);
    if (other) {
      errors.push(`${shown(join(dir, file))}: id «${q.id}» er allerede brukt i ${other} — hvert spørreskjema må ha sin egen id`);
      continue;
    }
    seen.set(q.id, shown(join(dir, file)));
    questionnaires.push(q);
  }

  const previousDir = join(dir, 'previous');
  for (const file of jsonFiles(previousDir)) {
    const q = load(join(previousDir, file));
    if (!q) continue;
    const where = shown(join(previousDir, file));
    const current = questionnaires.find((c) => c.id === q.id);
    if (file !== `${q.id}-${q.version}.json`) {
      errors.push(`${where}: en tidligere utgave må hete «${q.id}-${q.version}.json» (id og versjon) — gi filen det navnet`);
    } else if (current && current.version < q.version) {
      errors.push(`${where}: versjon ${q.version} er nyere enn den gjeldende ${shown(join(dir, `${q.id}.json`))} (versjon ${current.version}) — en tidligere utgave må ha lavere versjon`);
    } else if (current && current.version === q.version && JSON.stringify(current) !== JSON.stringify(q)) {
      errors.push(`${where}: har samme versjon (${q.version}) som ${shown(join(dir, `${q.id}.json`))}, men et annet innhold — øk «version» i den gjeldende filen`);
    } else if (!(current && current.version === q.version)) {
      previous.push(q);
    }
  }
  previous.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  const all = [...previous, ...questionnaires];

  const mappings: QuestionnaireMapping[] = [];
  const mappingDir = join(dir, 'mappings');
  for (const file of jsonFiles(mappingDir)) {
    const where = shown(join(mappingDir, file));
    const json = readJson(join(mappingDir, file), where, errors);
    if (json === undefined) continue;
    const parsed = mappingSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => formatProblem(where, describeIssue(issue))));
      continue;
    }
    const m = parsed.data;
    if (file !== mappingFileName(m)) {
      errors.push(`${where}: filen må hete «${mappingFileName(m)}» (spørreskjema-fra-til) — gi filen det navnet`);
      continue;
    }
    const version = (v: number) => all.find((q) => q.id === m.questionnaire && q.version === v);
    const problems = checkMapping(m, version(m.from), version(m.to));
    if (problems.length > 0) errors.push(...problems.map((problem) => formatProblem(where, problem)));
    else mappings.push(m);
  }
  return { questionnaires, previous, all, mappings, errors };
}

/** The mappings between editions in the shipped questionnaires folder, for trends (validated when the server starts). */
export function shippedMappings(dir = QUESTIONNAIRE_DIR): QuestionnaireMapping[] {
  const mappingDir = join(dir, 'mappings');
  return jsonFiles(mappingDir).flatMap((file) => {
    const parsed = mappingSchema.safeParse(JSON.parse(readFileSync(join(mappingDir, file), 'utf8')));
    return parsed.success ? [parsed.data] : [];
  });
}
