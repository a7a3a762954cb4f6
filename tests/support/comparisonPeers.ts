/**
 * Other municipalities for the comparison, for tests that need one shown:
 * `count` municipalities that share, each with one closed round of the
 * given questionnaires in `year` holding `perAudience` responses per
 * audience, answered more or less favourably per municipality (every
 * question a person on the path is shown gets an answer).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { scaleValues } from '../../src/shared/scales.ts';

function answersFor(q: Questionnaire, pick: (values: string[]) => string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const question of q.questions) {
    if (question.condition && !question.condition.answerIn.includes(answers[question.condition.question] ?? '')) continue;
    answers[question.id] = pick(scaleValues(question.scale));
  }
  return answers;
}

export async function seedComparisonPeers(k: Kysely<Database>, options: { questionnaires: readonly Questionnaire[]; year: number; count: number; perAudience: number }): Promise<void> {
  const cache = new QuestionnaireCache(k);
  for (let m = 0; m < options.count; m++) {
    const municipality = await createMunicipality(k, `Sammenligningskommune ${m + 1}`);
    await k.updateTable('municipalities').set({ shares_comparison: 1 }).where('id', '=', municipality).execute();
    const unit = await createUnit(k, municipality, 'Bofellesskapet');
    const round = await createRound(k, {
      municipalityId: municipality, name: `Runde ${options.year}`, opensOn: `${options.year}-09-01`, closesOn: `${options.year}-10-31`, status: 'open', unitIds: [unit],
      questionnaireIds: options.questionnaires.map((q) => q.id),
    });
    const responses = options.questionnaires.flatMap((q) =>
      Array.from({ length: options.perAudience }, (_, i): SurveyResponse => ({
        id: randomUUID(), questionnaireId: q.id, questionnaireVersion: q.version, audience: q.audience, language: 'nb',
        roundCode: q.audience === 'relative' ? round.relative_code : round.tablet_code, unitId: unit, answeredBy: q.audience === 'relative' ? null : 'alone',
        comments: {}, completion: 'finished', completedOn: `${options.year}-10-01`,
        // Municipality m answers favourably in about (m + 2) of 8 cases.
        answers: answersFor(q, (values) => values[(i + m) % 8 < m + 2 ? 0 : Math.min(values.length - 1, 2)]!),
      })),
    );
    await storeResponses(k, cache, { responses });
    await k.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.id).execute();
  }
}
