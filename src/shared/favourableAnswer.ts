/**
 * Which answer of a question is favourable, read from the one field that
 * says so (`favourable`), and what follows from it: whether the question
 * is scored, the score of an answer (turned round where "Nei" is the good
 * answer), the pairs the consistency check compares, and whether the
 * answer buttons show faces. Scoring, favourable shares, the consistency check
 * and the answer symbols all read it from here.
 *
 * First-edition files (version 1) said `reversed: true` instead of
 * `favourable: "no"` and left `favourable` out of opinions and factual
 * questions; `favourableOf` reads them the same way.
 */
import type { Favourable, Question, Questionnaire, Section } from './questionnaire.ts';
import { getScale } from './scales.ts';

export type FavourableFields = Pick<Question, 'favourable' | 'reversed' | 'kind' | 'scale'>;

/** The favourable answer of a question: stated, or read from a first edition's `reversed` and `kind`. */
export function favourableOf(question: FavourableFields): Favourable {
  if (question.favourable !== undefined) return question.favourable;
  if (!getScale(question.scale).scored || (question.kind ?? 'opinion') !== 'opinion') return 'none';
  return question.reversed ? 'no' : 'yes';
}

/** The score (0–100, higher is better) of an answer, or null: not scored, skipped or "vet ikke". */
export function scoreOf(question: FavourableFields, value: string | null): number | null {
  const direction = favourableOf(question);
  if (direction === 'none' || value === null) return null;
  const raw = getScale(question.scale).options.find((o) => o.value === value)?.score ?? null;
  if (raw === null) return null;
  return direction === 'no' ? 100 - raw : raw;
}

/**
 * Faces on the answer buttons only where "Ja" is the good answer: there the
 * smile is on the favourable answer. Reversed ("no") and factual ("none")
 * questions get neutral symbols (✓ / ~ / ✗) on neutral colours, so no face
 * ever smiles at "Ja, jeg blir redd" or frowns at "Nei, jeg tar ikke medisiner".
 */
export function answerSymbols(direction: Favourable): 'faces' | 'neutral' {
  return direction === 'yes' ? 'faces' : 'neutral';
}

/** Whether a section's questions take part in the theme figures and the two-voices comparison. */
export function sectionCompared(section: Pick<Section, 'compare'> | undefined): boolean {
  return section?.compare !== false;
}

/** The ids of a questionnaire's questions that sit in a section with `compare: false`. */
export function ownBlockQuestions(q: Pick<Questionnaire, 'sections' | 'questions'>): ReadonlySet<string> {
  const apart = new Set(q.sections.filter((s) => !sectionCompared(s)).map((s) => s.id));
  return new Set(q.questions.filter((question) => apart.has(question.section)).map((question) => question.id));
}

/** Each mirror pair once, as [the question where "Ja" is good, its twin where "Nei" is good]. */
export function pairsOf(q: Pick<Questionnaire, 'questions'>): [string, string][] {
  return q.questions
    .filter((question) => question.pairedWith !== undefined && favourableOf(question) === 'yes')
    .map((question) => [question.id, question.pairedWith!]);
}
