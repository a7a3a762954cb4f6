/** The small example questionnaires the server tests run on, validated like real ones. */
import { join } from 'node:path';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { roundConfigSchema, type RoundConfig } from '../../src/shared/roundConfig.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/questionnaires');

export function fixtureQuestionnaires(): Questionnaire[] {
  const { questionnaires, errors } = loadQuestionnaires(FIXTURE_DIR);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return [...questionnaires];
}

/** What the server sends a tablet set up with code ABCD2345: one open round, one unit, the fixture respondent questionnaire. */
export function tabletRoundConfig(): RoundConfig {
  return roundConfigSchema.parse({
    kind: 'tablet',
    code: 'ABCD2345',
    municipality: { name: 'Kommune' },
    round: { name: 'Runde', status: 'open', opensOn: '2026-01-01', closesOn: '2026-12-31' },
    units: [{ id: 1, name: 'Enhet' }],
    questionnaires: fixtureQuestionnaires().filter((q) => q.audience === 'respondent'),
    media: [],
  });
}

/** Every version in a fixture folder (earlier editions first) and its mappings, failing on any problem. */
export function fixtureEditions(dir: string): ReturnType<typeof loadQuestionnaires> {
  const loaded = loadQuestionnaires(dir);
  if (loaded.errors.length > 0) throw new Error(loaded.errors.join('\n'));
  return loaded;
}

/** scrypt cost for accounts a test seeds: verified at the cost stored in the hash, 8 times cheaper than the product's. */
export const SEEDED_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
