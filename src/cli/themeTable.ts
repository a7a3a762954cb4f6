/**
 * The theme table in questionnaires/README.md: one row per theme, one
 * column per questionnaire, listing the question ids of that theme in
 * questionnaire order with a count. `themeTable` is pure; run as a script
 * it prints the table for the real questionnaires:
 *
 *   npx tsx src/cli/themeTable.ts          print the table
 *   npx tsx src/cli/themeTable.ts --write  rewrite the block in questionnaires/README.md
 *
 * tests/unit/themeTable.test.ts fails when the README and the data differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import type { Question, Questionnaire } from '../shared/questionnaire.ts';
import { AUDIENCES } from '../shared/questionnaire.ts';
import type { ThemeId } from '../shared/themes.ts';
import { THEMES } from '../shared/themes.ts';

/** The theme names in bokmål, in THEMES order. */
export const THEME_NAMES: Readonly<Record<ThemeId, string>> = {
  selvbestemmelse: 'Selvbestemmelse',
  trivsel: 'Trivsel',
  brukermedvirkning: 'Brukermedvirkning',
  'respektfull-behandling': 'Respektfull behandling',
  informasjon: 'Informasjon',
  'nok-og-riktig-hjelp': 'Nok og riktig hjelp',
  trygghet: 'Trygghet',
};

/** As much of a questionnaire as the table needs (a full Questionnaire fits). */
export interface ThemeTableInput {
  readonly id: string;
  readonly audience: Questionnaire['audience'];
  readonly questions: readonly Pick<Question, 'id' | 'theme'>[];
}

export const TABLE_START = '<!-- theme-table:start -->';
export const TABLE_END = '<!-- theme-table:end -->';

/**
 * The Markdown table, ending in a newline. Each cell is the count, then the
 * ids. Columns: respondent questionnaires first, then relatives' (each group
 * in the order given). Background questions without a theme are not listed.
 */
export function themeTable(questionnaires: readonly ThemeTableInput[]): string {
  const columns = questionnaires
    .map((questionnaire, index) => ({ questionnaire, index }))
    .sort((a, b) => AUDIENCES.indexOf(a.questionnaire.audience) - AUDIENCES.indexOf(b.questionnaire.audience) || a.index - b.index)
    .map(({ questionnaire }) => questionnaire);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [row(['Theme', ...columns.map((q) => q.id)]), row(['---', ...columns.map(() => '---')])];
  for (const theme of THEMES) {
    const cells = columns.map((questionnaire) => {
      const ids = questionnaire.questions.filter((question) => question.theme === theme).map((question) => `\`${question.id}\``);
      return ids.length === 0 ? '0' : `${ids.length}: ${ids.join(', ')}`;
    });
    lines.push(row([THEME_NAMES[theme], ...cells]));
  }
  return `${lines.join('\n')}\n`;
}

function markerPositions(markdown: string): { start: number; end: number } | undefined {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return { start: start + TABLE_START.length, end };
}

/** The text between the markers, trimmed; undefined when the markers are missing. */
export function extractThemeTable(markdown: string): string | undefined {
  const at = markerPositions(markdown);
  return at ? markdown.slice(at.start, at.end).trim() : undefined;
}

/** The Markdown with the block between the markers replaced by the table. */
export function replaceThemeTable(markdown: string, table: string): string {
  const at = markerPositions(markdown);
  if (!at) throw new Error(`the markers ${TABLE_START} and ${TABLE_END} are missing`);
  return `${markdown.slice(0, at.start)}\n\n${table.trim()}\n\n${markdown.slice(at.end)}`;
}

export const README_PATH = join(import.meta.dirname, '../../questionnaires/README.md');

function main(argv: readonly string[]): number {
  const { questionnaires, errors } = loadQuestionnaires();
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    console.error('\nRett feilene i spørreskjemaene først («npm run validate»).');
    return 1;
  }
  const table = themeTable(questionnaires);
  if (!argv.includes('--write')) {
    process.stdout.write(table);
    return 0;
  }
  const before = readFileSync(README_PATH, 'utf8');
  const after = replaceThemeTable(before, table);
  if (after !== before) writeFileSync(README_PATH, after);
  console.log(after === before ? `${README_PATH}: already up to date` : `${README_PATH}: theme table updated`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = main(process.argv.slice(2));
}
