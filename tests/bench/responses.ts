/**
 * Realistic responses for the bench: every visible question of the real
 * questionnaire answered (a few skipped), and the database rows ingest
 * makes of them, with the theme and score fixed the way
 * src/server/ingest/storeResponses.ts does (factual questions carry no score, reversed
 * questions are scored the other way round).
 */
import { randomUUID } from 'node:crypto';
import { responseHash, responseRows, type PreparedResponse } from '../../src/server/ingest/preparedResponse.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { ANSWERED_BY, type SurveyResponse } from '../../src/shared/response.ts';
import { FINAL_COMMENT_KEY } from '../../src/shared/responseRules.ts';
import { getScale } from '../../src/shared/scales.ts';
import { isVisible } from '../../src/shared/visibility.ts';
import { pick } from './stats.ts';

export interface ResponseOptions {
  readonly roundCode: string;
  readonly unitId: number;
  readonly completedOn: string;
  /** Chance that a factual question ("Har du jobb?") gets "ja" and opens its follow-ups. */
  readonly factualYes?: number;
  /** Chance that a question is skipped. */
  readonly skip?: number;
  /** Whether factual questions may be skipped too (which hides their follow-ups). */
  readonly skipFactual?: boolean;
  /** Chance that a relative writes a final comment. */
  readonly comment?: number;
}

const COMMENTS = [
  'Personalet er flinke, men det er for mange vikarer.',
  'Vi savner bedre informasjon når noe endres i hverdagen.',
  'Han trives godt og får være med å bestemme.',
  'Det er vanskelig å få tak i noen på telefon om kvelden.',
];

export function makeResponse(q: Questionnaire, random: () => number, options: ResponseOptions): SurveyResponse {
  const factualYes = options.factualYes ?? 0.9;
  const skip = options.skip ?? 0.05;
  const answers: Record<string, string | null> = {};
  for (const question of q.questions) {
    if (!isVisible(question, answers)) continue;
    const values = getScale(question.scale).options.map((o) => o.value);
    if (random() < skip && (question.kind !== 'factual' || options.skipFactual !== false)) answers[question.id] = null;
    else if (question.kind === 'factual') answers[question.id] = random() < factualYes ? 'ja' : 'nei';
    else {
      // Most people are fairly content: the positive end is the most common answer.
      const content = random() < 0.55;
      if (!content || question.kind === 'background') answers[question.id] = pick(random, values);
      else answers[question.id] = question.scale === 'grad-1-6' ? pick(random, ['4', '5', '6']) : values[0]!;
    }
  }
  const comments: Record<string, string> = {};
  if (q.finalComment && random() < (options.comment ?? 0)) comments[FINAL_COMMENT_KEY] = pick(random, COMMENTS);
  return {
    id: randomUUID(),
    questionnaireId: q.id,
    questionnaireVersion: q.version,
    audience: q.audience,
    language: random() < 0.8 ? 'nb' : 'nn',
    roundCode: options.roundCode,
    unitId: options.unitId,
    answeredBy: q.audience === 'respondent' ? pick(random, ANSWERED_BY) : null,
    answers,
    comments,
    completion: random() < 0.95 ? 'finished' : 'ended',
    completedOn: options.completedOn,
  };
}

export type ResponseRows = PreparedResponse;

/** The same rows ingest stores (src/server/ingest/storeResponses.ts), without hashing when seeding in bulk. */
export function rowsOf(q: Questionnaire, response: SurveyResponse, roundId: number, options: { hash?: boolean } = {}): ResponseRows {
  // Hashing 100,000 bodies costs seconds; seeded rows are never resent, so any unique text does.
  return responseRows(q, response, roundId, options.hash === false ? response.id : responseHash(response));
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
