/**
 * The theme table in questionnaires/README.md is generated from the JSON
 * files; this test fails as soon as the two differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractThemeTable,
  README_PATH,
  replaceThemeTable,
  TABLE_END,
  TABLE_START,
  themeTable,
  type ThemeTableInput,
} from '../../src/cli/themeTable.ts';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { THEMES } from '../../src/shared/themes.ts';

const FIX = 'questionnaires/README.md is out of date: run «npx tsx src/cli/themeTable.ts --write» and commit the README';

describe('questionnaires/README.md', () => {
  it('shows the theme table of the real questionnaires', () => {
    const { questionnaires, errors } = loadQuestionnaires();
    expect(errors).toEqual([]);
    const inReadme = extractThemeTable(readFileSync(README_PATH, 'utf8'));
    expect(inReadme, `the markers ${TABLE_START} and ${TABLE_END} are missing from questionnaires/README.md`).toBeDefined();
    expect(inReadme, FIX).toBe(themeTable(questionnaires).trim());
  });
});

describe('themeTable', () => {
  const relative: ThemeTableInput = {
    id: 'parorende',
    audience: 'relative',
    questions: [
      { id: 'relasjon', theme: undefined },
      { id: 'r-trygg', theme: 'trygghet' },
      { id: 'r-trives', theme: 'trivsel' },
    ],
  };
  const respondent: ThemeTableInput = {
    id: 'bruker',
    audience: 'respondent',
    questions: [
      { id: 'b-trives', theme: 'trivsel' },
      { id: 'b-trygg', theme: 'trygghet' },
      { id: 'b-glad', theme: 'trivsel' },
    ],
  };

  it('has a row per theme in THEMES order and a column per questionnaire, respondents first', () => {
    const lines = themeTable([relative, respondent]).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + THEMES.length);
    expect(lines[0]).toBe('| Theme | bruker | parorende |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(lines.slice(2).map((line) => line.split(' | ')[0])).toEqual([
      '| Selvbestemmelse',
      '| Trivsel',
      '| Brukermedvirkning',
      '| Respektfull behandling',
      '| Informasjon',
      '| Nok og riktig hjelp',
      '| Trygghet',
    ]);
    expect(lines[2]).toBe('| Selvbestemmelse | 0 | 0 |');
    expect(lines[3]).toBe('| Trivsel | 2: `b-trives`, `b-glad` | 1: `r-trives` |');
    expect(lines[8]).toBe('| Trygghet | 1: `b-trygg` | 1: `r-trygg` |');
    expect(themeTable([relative, respondent])).not.toContain('relasjon');
  });

  it('replaces only the block between the markers, so a rewrite is stable', () => {
    const table = themeTable([respondent]);
    const page = `# Title\n\nBefore.\n\n${TABLE_START}\nold\n${TABLE_END}\n\nAfter.\n`;
    const written = replaceThemeTable(page, table);
    expect(written.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
    expect(written.endsWith(`${TABLE_END}\n\nAfter.\n`)).toBe(true);
    expect(extractThemeTable(written)).toBe(table.trim());
    expect(replaceThemeTable(written, table)).toBe(written);
    expect(extractThemeTable('no markers')).toBeUndefined();
    expect(() => replaceThemeTable('no markers', table)).toThrow(/markers/);
  });
});
