/**
 * Reads and checks every questionnaire file in questionnaires/. The
 * validation command, `npm start` and the test run all refuse to go on
 * when this reports a problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Questionnaire } from '../shared/questionnaire.ts';
import { formatProblem, validateQuestionnaire } from '../shared/validateQuestionnaire.ts';

export interface LoadedQuestionnaires {
  readonly questionnaires: readonly Questionnaire[];
  /** One line per problem, "file: path what is wrong — how to fix it". */
  readonly errors: readonly string[];
}

export const QUESTIONNAIRE_DIR = join(import.meta.dirname, '../../questionnaires');
export const PUBLIC_DIR = join(import.meta.dirname, '../../public');

export function loadQuestionnaires(dir = QUESTIONNAIRE_DIR, publicDir = PUBLIC_DIR): LoadedQuestionnaires {
  const questionnaires: Questionnaire[] = [];
  const errors: string[] = [];
  const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  const assetExists = (path: string) => {
    const full = join(publicDir, path);
    return existsSync(full) && statSync(full).isFile();
  };
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) errors.push(`${relative(process.cwd(), dir) || dir}: ingen spørreskjema funnet — legg minst én .json-fil her`);
  const seen = new Map<string, string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      errors.push(`${shown(file)}: filen er ikke gyldig JSON (${(error as Error).message}) — sjekk komma, klammer og anførselstegn`);
      continue;
    }
    const result = validateQuestionnaire(json, { assetExists });
    if (!result.ok) {
      errors.push(...result.problems.map((problem) => formatProblem(shown(file), problem)));
      continue;
    }
    const other = seen.get(result.questionnaire.id);
    if (other) {
      errors.push(`${shown(file)}: id «${result.questionnaire.id}» er allerede brukt i ${other} — hvert spørreskjema må ha sin egen id`);
      continue;
    }
    seen.set(result.questionnaire.id, shown(file));
    questionnaires.push(result.questionnaire);
  }
  return { questionnaires, errors };
}
