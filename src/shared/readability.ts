/**
 * The easy-language check of a questionnaire's texts: words, sentences and
 * LIX (the Scandinavian readability index), per page and for the whole file,
 * in every language. A respondent's question may have at most 15 words, no
 * sentence more than 15, no negation, and all the respondent's text together
 * a LIX of at most 25; the relatives' texts together at most 35. Words from
 * a list of hard words (questionnaires/hard-words.txt) give a warning.
 * Pure: `npm run validate` reads the files and prints what this returns.
 *
 * LIX = words / sentences + 100 × long words / words, where a word is a run
 * of letters or digits (a hyphen or apostrophe inside keeps it whole), a long
 * word has more than 6 letters, and a sentence ends in . ! ? or : or at a
 * line break; a text without an ending counts as one sentence.
 */
import type { Problem } from './describeIssue.ts';
import type { Questionnaire } from './questionnaire.ts';

export const MAX_QUESTION_WORDS = 15;
export const MAX_SENTENCE_WORDS = 15;
export const MAX_RESPONDENT_LIX = 25;
export const MAX_RELATIVE_LIX = 35;
/** A page's own LIX is only judged from this many words: on a one-line question LIX says nothing. */
export const MIN_WORDS_FOR_PAGE_LIX = 20;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NEGATION = /(?<![\p{L}])(ikke|ikkje|aldri|ingen|ingenting|inga|inkje|intet)(?![\p{L}])/iu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The sentences of a text: cut after . ! ? : and at line breaks; pieces without words are dropped. */
export function sentences(text: string): string[] {
  const pieces = text.split(/(?<=[.!?:…])\s+|\n+/u);
  return pieces.map((piece) => piece.trim()).filter((piece) => words(piece).length > 0);
}

function isLong(word: string): boolean {
  return (word.match(/\p{L}/gu) ?? []).length > 6;
}

export interface LixFigures {
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
  readonly lix: number;
}

/** LIX of several texts read together; each text is at least one sentence. */
export function lix(texts: readonly string[]): LixFigures {
  let wordCount = 0;
  let sentenceCount = 0;
  let longCount = 0;
  for (const text of texts) {
    const ws = words(text);
    if (ws.length === 0) continue;
    wordCount += ws.length;
    sentenceCount += Math.max(1, sentences(text).length);
    longCount += ws.filter(isLong).length;
  }
  const value = wordCount === 0 ? 0 : wordCount / sentenceCount + (100 * longCount) / wordCount;
  return { words: wordCount, sentences: sentenceCount, longWords: longCount, lix: value };
}

/** One entry of the hard-words list: a word (or phrase), `*` at the end matches any ending. */
export interface HardWord {
  readonly word: string;
  readonly prefix: boolean;
  readonly suggestion: string | undefined;
}

/**
 * Reads the hard-words list: one entry a line, `#` starts a comment, and an
 * optional suggestion after `->` or `→` ("tjeneste* -> hjelpen").
 */
export function parseHardWords(text: string): HardWord[] {
  const entries: HardWord[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/u, '').trim();
    if (line === '') continue;
    const [head = '', suggestion] = line.split(/\s*(?:->|→)\s*/u);
    const word = head.trim().toLowerCase();
    if (word === '' || word === '*') continue;
    entries.push({ word: word.replace(/\*$/u, ''), prefix: word.endsWith('*'), suggestion: suggestion?.trim() || undefined });
  }
  return entries;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The hard words a text contains, as they are written there. */
export function findHardWords(text: string, list: readonly HardWord[]): { found: string; entry: HardWord }[] {
  const hits: { found: string; entry: HardWord }[] = [];
  for (const entry of list) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(entry.word)}${entry.prefix ? '[\\p{L}\\p{N}-]*' : ''}(?![\\p{L}\\p{N}])`, 'iu');
    const match = pattern.exec(text);
    if (match) hits.push({ found: match[0], entry });
  }
  return hits;
}

/** A text of the questionnaire that someone reads or hears, with where it sits. */
interface Located {
  readonly path: string;
  readonly text: string;
}

/** A page as the person meets it: its id, and the texts on it that count for LIX. */
interface PageTexts {
  readonly name: string;
  readonly texts: readonly Located[];
}

function pagesOf(q: Questionnaire, lang: string): PageTexts[] {
  const at = (path: string, text: string | undefined): Located[] => (text === undefined ? [] : [{ path: `${path}.${lang}`, text }]);
  const pages: PageTexts[] = [];
  q.intro.forEach((page, i) => pages.push({ name: `intro «${page.id}»`, texts: at(`intro[${i}].text`, page.text[lang]) }));
  q.questions.forEach((question, i) =>
    pages.push({
      name: `spørsmål «${question.id}»`,
      texts: [...at(`questions[${i}].text`, question.text[lang]), ...at(`questions[${i}].comment.label`, question.comment?.label[lang])],
    }),
  );
  q.sections.forEach((section, i) => {
    if (section.comment) pages.push({ name: `kommentar til «${section.id}»`, texts: at(`sections[${i}].comment.label`, section.comment.label[lang]) });
  });
  if (q.finalComment) pages.push({ name: 'siste kommentar', texts: at('finalComment.label', q.finalComment.label[lang]) });
  pages.push({ name: `sluttside «${q.end.id}»`, texts: at('end.text', q.end.text[lang]) });
  return pages;
}

export interface ReadabilityReport {
  /** Problems that must be fixed: a too-long question or sentence, a negation, LIX over the limit. */
  readonly errors: readonly Problem[];
  /** Worth a look: hard words, a long page with a high LIX. */
  readonly warnings: readonly Problem[];
  /** One line per language with the figures, for the validation output. */
  readonly summary: readonly string[];
}

const figure = (value: number) => value.toFixed(1).replace('.', ',');

/** Checks every text of one questionnaire in each of its languages. */
export function checkReadability(q: Questionnaire, hardWords: readonly HardWord[] = []): ReadabilityReport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const summary: string[] = [];
  const respondent = q.audience === 'respondent';
  const maxLix = respondent ? MAX_RESPONDENT_LIX : MAX_RELATIVE_LIX;

  for (const lang of q.languages) {
    const pages = pagesOf(q, lang);
    const all = pages.flatMap((page) => page.texts);

    if (respondent) {
      q.questions.forEach((question, i) => {
        const text = question.text[lang] ?? '';
        const count = words(text).length;
        if (count > MAX_QUESTION_WORDS) {
          errors.push({
            path: `questions[${i}].text.${lang}`,
            message: `har ${count} ord — et spørsmål kan ha høyst ${MAX_QUESTION_WORDS}; del det opp eller si det kortere: «${text}»`,
          });
        }
        const negation = NEGATION.exec(text);
        if (negation) {
          errors.push({
            path: `questions[${i}].text.${lang}`,
            message: `har nektelsen «${negation[0]}» — spør uten nektelse, så ingen må svare «Nei» for å si «ja»: «${text}»`,
          });
        }
      });
      for (const { path, text } of all) {
        for (const sentence of sentences(text)) {
          const count = words(sentence).length;
          if (count > MAX_SENTENCE_WORDS) {
            errors.push({ path, message: `har en setning med ${count} ord (høyst ${MAX_SENTENCE_WORDS}) — del den i to: «${sentence}»` });
          }
        }
        for (const { found, entry } of findHardWords(text, hardWords)) {
          const better = entry.suggestion ? ` — skriv heller «${entry.suggestion}»` : '';
          warnings.push({ path, message: `har det vanskelige ordet «${found}»${better}` });
        }
      }
      for (const page of pages) {
        const figures = lix(page.texts.map((item) => item.text));
        if (figures.words >= MIN_WORDS_FOR_PAGE_LIX && figures.lix > maxLix) {
          warnings.push({
            path: page.texts[0]?.path ?? '',
            message: `${page.name} har LIX ${figure(figures.lix)} (over ${maxLix}) — bruk kortere setninger eller kortere ord`,
          });
        }
      }
    }

    const overall = lix(all.map((item) => item.text));
    const questionsOnly = lix(q.questions.map((question) => question.text[lang] ?? ''));
    if (overall.lix > maxLix) {
      const longest = [...all].sort((a, b) => lix([b.text]).lix - lix([a.text]).lix)[0];
      errors.push({
        path: '',
        message: `LIX for all tekst på ${lang} er ${figure(overall.lix)}, høyst ${maxLix} er tillatt — tyngst er ${longest?.path ?? '?'}: «${longest?.text ?? ''}»`,
      });
    }
    const longestQuestion = Math.max(0, ...q.questions.map((question) => words(question.text[lang] ?? '').length));
    summary.push(
      `${lang}: LIX ${figure(overall.lix)} for all tekst (høyst ${maxLix}), ${figure(questionsOnly.lix)} for spørsmålene; lengste spørsmål ${longestQuestion} ord`,
    );
  }
  return { errors, warnings, summary };
}
