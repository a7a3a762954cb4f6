/** The small example questionnaires the server tests run on, validated like real ones. */
import { join } from 'node:path';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/questionnaires');

export function fixtureQuestionnaires(): Questionnaire[] {
  const { questionnaires, errors } = loadQuestionnaires(FIXTURE_DIR);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return [...questionnaires];
}

/** Every version in a fixture folder (earlier editions first) and its mappings, failing on any problem. */
export function fixtureEditions(dir: string): ReturnType<typeof loadQuestionnaires> {
  const loaded = loadQuestionnaires(dir);
  if (loaded.errors.length > 0) throw new Error(loaded.errors.join('\n'));
  return loaded;
}

/** scrypt cost for accounts a test seeds: verified at the cost stored in the hash, 8 times cheaper than the product's. */
export const SEEDED_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
