/**
 * Which answers to a question count as favourable, for the common measure
 * that compares respondents and relatives: the share of favourable answers
 * among those who gave a substantive answer ("vet ikke" and skips left
 * out). Respondents: "Ja" where yes is good, "Nei" where no is good
 * (`favourable: "no"`); relatives: 5–6 on the 1–6 scale (1–2 where "no").
 * Factual and background questions ("Har du jobb?", relation to the
 * person; `favourable: "none"`) have no favourable answer and are left out.
 *
 * The direction comes from the question's `favourable` field (through
 * src/shared/favourableAnswer.ts); which options count follows from the
 * scale's scores turned that way.
 */
import { favourableOf, scoreOf, type FavourableFields } from '../favourableAnswer.ts';
import { getScale } from '../scales.ts';

export type FavourableQuestion = FavourableFields;

/** An option is favourable when its score, turned the right way round, is at least this (Ja = 100; 5 = 80, 6 = 100). */
const FAVOURABLE_FROM = 80;

function derivedFavourable(question: FavourableQuestion): ReadonlySet<string> | null {
  if (favourableOf(question) === 'none') return null;
  const values = getScale(question.scale).options.filter((o) => (scoreOf(question, o.value) ?? -1) >= FAVOURABLE_FROM).map((o) => o.value);
  return new Set(values);
}

/** The favourable answers of a question, or null when the question has none (not counted in favourable shares). */
export function favourableValues(question: FavourableQuestion): ReadonlySet<string> | null {
  return derivedFavourable(question);
}

/** The answers that count in the share's denominator: every scored option ("vet ikke" and skips are not). */
export function substantiveValues(question: FavourableQuestion): ReadonlySet<string> {
  return new Set(getScale(question.scale).options.filter((o) => o.score !== null).map((o) => o.value));
}

/** Favourable and substantive answers of one question, from its value counts. */
export function favourableCounts(question: FavourableQuestion, counts: ReadonlyMap<string, number>): { favourable: number; answered: number } | null {
  const favourable = favourableValues(question);
  if (!favourable) return null;
  const substantive = substantiveValues(question);
  let f = 0;
  let a = 0;
  for (const [value, n] of counts) {
    if (!substantive.has(value)) continue;
    a += n;
    if (favourable.has(value)) f += n;
  }
  return { favourable: f, answered: a };
}
