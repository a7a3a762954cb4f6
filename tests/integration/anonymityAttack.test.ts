/**
 * An attacker in the test suite: a curious coordinator of the municipality
 * watches a small round fill up one response at a time, reads every
 * results page under every filter the API accepts, every export and the
 * live progress after each arrival, and then tries to recover a single
 * response or any group of fewer than k responses by linear algebra over
 * all of it (see tests/support/attacker). Generated rounds have several
 * units, every answer mode including "not recorded" (surveys ended early),
 * groups of 0 to a dozen, relatives with and without a unit, comments, and
 * answers that arrive after the round closed. Every results page is read
 * twice, with and without the responses flagged by the consistency checks,
 * and with the answers someone else gave on the person's behalf as their
 * own group: whole minus clean, and all respondents minus the persons'
 * own, are differences the attacker takes. Runs on the real server code
 * against SQLite and PostgreSQL.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { AttackedRound, drawn, PASSWORD, type Drawn } from '../support/attacker/attackedRound.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

const RUNS: Record<string, number> = { sqlite: Number(process.env.ATTACK_RUNS ?? 12), postgres: Number(process.env.ATTACK_RUNS ?? 6) };

const answer = fc.option(fc.constantFrom<string | null>('ja', 'bade', 'nei', null), { nil: undefined });
const graded = fc.option(fc.constantFrom<string | null>('1', '2', '3', '4', '5', '6', null), { nil: undefined });
const personArbitrary = fc.record({
  relative: fc.boolean(),
  unit: fc.nat(3),
  noUnit: fc.boolean(),
  answeredBy: fc.constantFrom<SurveyResponse['answeredBy']>('alone', 'alone', 'with-staff', 'with-relative', 'someone-else', null),
  language: fc.constantFrom('nb', 'nn'),
  month: fc.constantFrom('2026-10-15', '2026-11-15'),
  trives: answer,
  lei: answer,
  trygg: answer,
  bestemme: answer,
  dagtid: fc.constantFrom<'ja' | 'nei' | undefined>('ja', 'nei', undefined),
  liker: answer,
  trivsel: graded,
  trygghet: graded,
  boligComment: fc.boolean(),
  finalComment: fc.boolean(),
});

interface Scenario {
  readonly unitCount: number;
  readonly k: number;
  readonly people: readonly Drawn[];
  readonly closeAt: number;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  unitCount: fc.integer({ min: 2, max: 3 }),
  k: fc.constantFrom(5, 5, 3),
  people: fc.array(personArbitrary, { minLength: 1, maxLength: 14 }),
  closeAt: fc.nat(14),
});

/**
 * Rounds big enough to publish figures, tried before the generated ones so
 * that every run attacks something: a round that closes with two units of
 * six and a few answers after closing, and one with relatives' comments.
 */
const EXAMPLES: [Scenario][] = [
  [{ unitCount: 2, k: 5, closeAt: 12, people: Array.from({ length: 14 }, (_, i) => drawn({ unit: i % 2, answeredBy: i % 5 === 4 ? 'with-staff' : 'alone', trives: ['ja', 'nei', 'bade'][i % 3], lei: i % 4 ? 'nei' : null })) }],
  [{ unitCount: 2, k: 3, closeAt: 14, people: Array.from({ length: 14 }, (_, i) => drawn({ relative: i % 2 === 0, unit: i % 3 === 0 ? 1 : 0, trivsel: String(1 + (i % 6)), boligComment: i % 3 !== 1 })) }],
  // Yes-sayers ("Ja" to bolig-trives and to its reversed twin) and proxy answers among the persons' own.
  [{ unitCount: 2, k: 3, closeAt: 16, people: Array.from({ length: 16 }, (_, i) => drawn({ unit: i % 2, answeredBy: i % 4 === 3 ? 'someone-else' : 'alone', trives: 'ja', lei: i % 3 === 0 ? 'ja' : 'nei', trygg: 'ja' })) }],
];

describe.each(DATABASE_KINDS)('a curious coordinator on %s', (kind) => {
  const server = useAppOnDatabase(kind);
  let passwordHash = '';

  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });

  it('cannot recover any single response or any group below the threshold from everything the coordinator sees, at any moment', async () => {
    let roundNumber = 0;
    let figuresSeen = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        // A municipality of its own per round, so earlier rounds never enter its trend.
        const round = await AttackedRound.start(server.app, server.db, passwordHash, `${kind}-${++roundNumber}`, scenario.unitCount, scenario.k);
        const closeAt = Math.min(scenario.closeAt, scenario.people.length);
        for (const [index, person] of scenario.people.entries()) {
          if (index === closeAt) await round.close();
          await round.arrive(person);
        }
        if (closeAt >= scenario.people.length) await round.close();
        figuresSeen += round.ledger.publishedAnswerFigures();
        const leaks = round.leaks();
        expect(leaks.length, `k=${scenario.k}, ${round.people.length} responses, ${leaks.length} leaks:\n${leaks.slice(0, 8).join('\n')}`).toBe(0);
      }),
      { numRuns: RUNS[kind], endOnFailure: true, seed: process.env.ATTACK_SEED ? Number(process.env.ATTACK_SEED) : undefined, examples: EXAMPLES },
    );
    // The rounds must have published something for the attack to mean anything.
    expect(figuresSeen).toBeGreaterThan(0);
  }, 600_000);
});
