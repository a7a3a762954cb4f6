/**
 * Cuts a survey text into the sentences that are read aloud one at a time,
 * and finds the word a speech engine points at. Offsets always refer to the
 * original text, so the highlighting can mark exactly what is being read.
 */

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence's first character in the original text. */
  readonly start: number;
}

export interface WordRange {
  /** Offset in the sentence. */
  readonly start: number;
  readonly length: number;
}

const TERMINATORS = '.!?:…';
/** Closing quotes and brackets belong to the sentence they close. */
const CLOSERS = '"\'»”’)]';

/**
 * Abbreviations that end in a period but rarely end a sentence. Ones written
 * with inner periods ("f.eks.", "bl.a.", "t.d.") are caught by a pattern;
 * "osv." is left out on purpose because it usually does end one.
 */
const ABBREVIATIONS = new Set(['ca', 'kl', 'nr', 'evt', 'ev', 'pga', 'mht', 'dvs', 'jf', 'inkl', 'ekskl', 'tlf', 'mv', 'iflg']);
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,4}\.)+\p{L}{1,4}$/u;
const TOKEN_BEFORE_PERIOD = /[\p{L}\p{N}.]+$/u;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);

  const push = (end: number) => {
    const piece = text.slice(start, end).trimEnd();
    if (piece !== '') sentences.push({ text: piece, start });
  };

  for (let i = start; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\n') {
      // A line break ends a sentence even without punctuation: list items and
      // headings are written that way.
      push(i);
      start = skipSpace(text, i + 1);
      i = start - 1;
      continue;
    }
    if (!TERMINATORS.includes(char)) continue;

    // "?!", "..." and a closing quote stay with the sentence they end.
    let end = i + 1;
    while (end < text.length && TERMINATORS.includes(text[end] ?? '')) end++;
    while (end < text.length && CLOSERS.includes(text[end] ?? '')) end++;

    // Only a terminator before a space or the end of the text counts, which
    // keeps "1.5" and "12:30" whole.
    const next = text[end];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === '.' && end === i + 1 && next !== undefined && !endsSentence(text, start, i)) continue;

    push(end);
    start = skipSpace(text, end);
    i = start - 1;
  }
  push(text.length);
  return sentences;
}

/** Whether a single period at `period`, followed by a space, ends the sentence. */
function endsSentence(text: string, sentenceStart: number, period: number): boolean {
  const token = TOKEN_BEFORE_PERIOD.exec(text.slice(sentenceStart, period))?.[0] ?? '';
  if (ABBREVIATIONS.has(token.toLowerCase()) || DOTTED_ABBREVIATION.test(token)) return false;
  // Norwegian sentences start with a capital letter; a lower-case word or a
  // number after the period means an abbreviation or an ordinal ("17. mai").
  const following = text[skipSpace(text, period + 1)] ?? '';
  return !/[\p{Ll}\p{N}]/u.test(following);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/**
 * The word at or after `index`, for engines whose boundary events give a
 * position but no length (Safari).
 */
export function wordAt(text: string, index: number): WordRange | null {
  if (!Number.isInteger(index) || index < 0 || index >= text.length) return null;
  WORD.lastIndex = index;
  const match = WORD.exec(text);
  return match ? { start: match.index, length: match[0].length } : null;
}
