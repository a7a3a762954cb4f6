/**
 * `npm run validate`: checks every questionnaire file and explains each
 * problem in plain words, then checks the easy language of the current
 * editions (src/shared/readability.ts, with the hard words listed in
 * questionnaires/hard-words.txt). Exit code 1 on any problem; hard words
 * and heavy pages are warnings only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadQuestionnaires, QUESTIONNAIRE_DIR } from '../server/loadQuestionnaires.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import { checkReadability, parseHardWords } from '../shared/readability.ts';
import { formatProblem } from '../shared/validateQuestionnaire.ts';

export const HARD_WORDS_FILE = join(QUESTIONNAIRE_DIR, 'hard-words.txt');

/** The file in questionnaires/ that holds this questionnaire, as errors name it. */
function fileOf(q: Questionnaire): string {
  const file =
    readdirSync(QUESTIONNAIRE_DIR)
      .filter((name) => name.endsWith('.json'))
      .find((name) => {
        try {
          return (JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, name), 'utf8')) as { id?: unknown }).id === q.id;
        } catch {
          return false; // a broken file was reported by loadQuestionnaires already
        }
      }) ?? `${q.id}.json`;
  return relative(process.cwd(), join(QUESTIONNAIRE_DIR, file)) || file;
}

const { questionnaires, previous, mappings, errors } = loadQuestionnaires();
const hardWords = existsSync(HARD_WORDS_FILE) ? parseHardWords(readFileSync(HARD_WORDS_FILE, 'utf8')) : [];
const contentErrors: string[] = [];
for (const q of questionnaires) {
  const file = fileOf(q);
  const report = checkReadability(q, hardWords);
  contentErrors.push(...report.errors.map((problem) => formatProblem(file, problem)));
  for (const warning of report.warnings) console.warn(`advarsel: ${formatProblem(file, warning)}`);
  console.log(`✓ ${q.id} (versjon ${q.version}, ${q.audience}): ${q.questions.length} spørsmål, språk ${q.languages.join(', ')}`);
  for (const line of report.summary) console.log(`    ${line}`);
}
for (const q of previous) console.log(`✓ ${q.id} (tidligere utgave, versjon ${q.version})`);
for (const m of mappings) console.log(`✓ kobling ${m.questionnaire} versjon ${m.from} → ${m.to}: ${Object.keys(m.questions).length} spørsmål kan følges over tid`);
const all = [...errors, ...contentErrors];
if (all.length > 0) {
  console.error(all.join('\n'));
  console.error(`\n${all.length} feil i spørreskjemaene. Rett dem og kjør «npm run validate» igjen.`);
  process.exit(1);
}
