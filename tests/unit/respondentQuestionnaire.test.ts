/**
 * Checks the real respondent questionnaire (questionnaires/respondent.json):
 * structure, themes, guards against yes-saying, pictures and easy language
 * (word count, LIX, no negations) in bokmål and nynorsk.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionnaires, PUBLIC_DIR } from '../../src/server/loadQuestionnaires.ts';
import type { Question, Questionnaire } from '../../src/shared/questionnaire.ts';
import { favourableOf } from '../../src/shared/favourableAnswer.ts';
import { THEMES } from '../../src/shared/themes.ts';

const LANGS = ['nb', 'nn'] as const;
const SECTION_ORDER = ['bolig', 'dagtid', 'fritid', 'helse', 'personalet', 'helhet'];
const MAX_WORDS = 15;
const MAX_LIX = 25;

/** Words: runs of letters or digits, a hyphen or apostrophe inside a word keeps it whole. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A text counts as at least one sentence; it is split on . ! ? and colon. */
function sentenceCount(text: string): number {
  const parts = text.split(/[.!?:]+/).filter((part) => words(part).length > 0);
  return Math.max(1, parts.length);
}

function isLong(word: string): boolean {
  return (word.match(/\p{L}/gu) ?? []).length > 6;
}

/** LIX of several texts together: words / sentences + 100 × long words / words. */
function lix(texts: readonly string[]): number {
  let wordTotal = 0;
  let sentenceTotal = 0;
  let longTotal = 0;
  for (const text of texts) {
    const ws = words(text);
    wordTotal += ws.length;
    sentenceTotal += sentenceCount(text);
    longTotal += ws.filter(isLong).length;
  }
  if (wordTotal === 0) return 0;
  return wordTotal / sentenceTotal + (100 * longTotal) / wordTotal;
}

describe('lix', () => {
  it('matches values computed by hand', () => {
    // 10 words, 2 sentences, 2 long words (Personalet, hjelper): 10/2 + 100·2/10 = 25
    expect(lix(['Liker du å bo der du bor? Personalet hjelper deg.'])).toBeCloseTo(25, 10);
    // colon splits: 6 words, 2 sentences, 1 long word (fornøyd): 3 + 16.67
    expect(lix(['Tenk på dette: Er du fornøyd?'])).toBeCloseTo(3 + 100 / 6, 10);
    // each text is at least one sentence: 3 words, 2 sentences, no long words
    expect(lix(['Hei du', 'Ja'])).toBeCloseTo(1.5, 10);
    // exactly six letters is short, seven is long; a hyphenated word is one word
    expect(words('dagtid trenger bo-tilbud')).toEqual(['dagtid', 'trenger', 'bo-tilbud']);
    expect(lix(['dagtid trenger.'])).toBeCloseTo(2 + 50, 10);
  });
});

describe('questionnaires/respondent.json', () => {
  let q: Questionnaire;
  let errors: readonly string[];

  beforeAll(() => {
    const loaded = loadQuestionnaires();
    errors = loaded.errors.filter((line) => line.includes('respondent.json'));
    const found = loaded.questionnaires.find((item) => item.id === 'respondent');
    if (found) q = found;
  });

  const text = (question: Question, lang: (typeof LANGS)[number]) => question.text[lang] ?? '';

  it('is valid and loads as the respondent questionnaire', () => {
    expect(errors).toEqual([]);
    expect(q).toBeDefined();
    expect(q.version).toBe(1);
    expect(q.audience).toBe('respondent');
    expect([...q.languages].sort()).toEqual(['nb', 'nn']);
  });

  it('has 45–60 questions', () => {
    const beforeOverall = q.questions.filter((question) => question.section !== 'helhet');
    expect(beforeOverall.length).toBeGreaterThanOrEqual(45);
    expect(q.questions.length).toBeLessThanOrEqual(60);
  });

  it('has the life areas in order, each with questions, and one overall question last', () => {
    expect(q.sections.map((s) => s.id)).toEqual(SECTION_ORDER);
    for (const section of SECTION_ORDER) {
      expect(q.questions.filter((question) => question.section === section).length, section).toBeGreaterThan(0);
    }
    for (const section of SECTION_ORDER.slice(0, -1)) {
      const count = q.questions.filter((question) => question.section === section).length;
      expect(count, section).toBeGreaterThanOrEqual(9);
      expect(count, section).toBeLessThanOrEqual(12);
    }
    const overall = q.questions.filter((question) => question.section === 'helhet');
    expect(overall).toHaveLength(1);
    expect(q.questions.at(-1)?.section).toBe('helhet');
    expect(overall[0]?.condition).toBeUndefined();
  });

  it('uses each theme in at least three questions', () => {
    for (const theme of THEMES) {
      expect(q.questions.filter((question) => question.theme === theme).length, theme).toBeGreaterThanOrEqual(3);
    }
  });

  it('has at least four positive/reversed pairs against yes-saying', () => {
    const byId = new Map(q.questions.map((question) => [question.id, question]));
    const pairs = new Set<string>();
    for (const question of q.questions) {
      if (question.pairedWith === undefined) continue;
      const partner = byId.get(question.pairedWith);
      expect(partner, question.id).toBeDefined();
      expect(partner?.pairedWith, question.id).toBe(question.id);
      expect(partner && favourableOf(partner) === 'no', question.id).toBe(favourableOf(question) !== 'no');
      expect(partner?.theme, question.id).toBe(question.theme);
      pairs.add([question.id, question.pairedWith].sort().join(' / '));
    }
    for (const question of q.questions.filter((item) => favourableOf(item) === 'no')) {
      expect(question.pairedWith, `${question.id} is reversed but has no pair`).toBeDefined();
    }
    expect(pairs.size).toBeGreaterThanOrEqual(4);
  });

  it('uses Ja/Nei for factual questions and hides follow-ups when the answer is Nei', () => {
    const position = new Map(q.questions.map((question, index) => [question.id, index]));
    const opened = new Set<string>();
    q.questions.forEach((question, index) => {
      if (question.kind === 'factual') expect(question.scale, question.id).toBe('ja-nei');
      else expect(question.scale, question.id).toBe('ja-bade-nei');
      const condition = question.condition;
      if (!condition) return;
      const target = position.get(condition.question);
      expect(target, question.id).toBeDefined();
      expect(target!, question.id).toBeLessThan(index);
      expect(q.questions[target!]?.kind, question.id).toBe('factual');
      expect(condition.answerIn, question.id).toEqual(['ja']);
      opened.add(condition.question);
    });
    expect(opened.size).toBeGreaterThanOrEqual(4);
  });

  it('has an existing picture with bokmål and nynorsk alt text everywhere', () => {
    const illustrations = [
      ...q.intro.map((page) => ({ at: `intro ${page.id}`, illustration: page.illustration })),
      ...q.sections.flatMap((section) =>
        section.illustration ? [{ at: `section ${section.id}`, illustration: section.illustration }] : [],
      ),
      ...q.questions.map((question) => ({ at: question.id, illustration: question.illustration })),
      { at: 'end', illustration: q.end.illustration },
    ];
    for (const { at, illustration } of illustrations) {
      const file = join(PUBLIC_DIR, illustration.file);
      expect(existsSync(file) && statSync(file).isFile(), `${at}: ${illustration.file}`).toBe(true);
      for (const lang of LANGS) expect(illustration.alt[lang]?.trim(), `${at} alt ${lang}`).toBeTruthy();
    }
    expect(q.end.illustration.file).toBe('illustrations/eir-takk.svg');
    expect(q.intro).toHaveLength(4);
  });

  it('writes every question in easy language in both languages', () => {
    for (const lang of LANGS) {
      const texts = q.questions.map((question) => text(question, lang));
      for (const [index, t] of texts.entries()) {
        const id = q.questions[index]!.id;
        expect(words(t).length, `${id} (${lang}): ${t}`).toBeLessThanOrEqual(MAX_WORDS);
        expect(t, `${id} (${lang}) has a negation`).not.toMatch(/(^|[^\p{L}])ikkj?e(?![\p{L}])/iu);
      }
      const value = lix(texts);
      const longest = texts.reduce((a, b) => (words(b).length > words(a).length ? b : a));
      console.log(`${lang}: LIX ${value.toFixed(1)}; longest question (${words(longest).length} words): ${longest}`);
      expect(value, `LIX ${lang}`).toBeLessThanOrEqual(MAX_LIX);
    }
  });

  it('has nynorsk that differs from bokmål', () => {
    const differing = q.questions.filter((question) => text(question, 'nb') !== text(question, 'nn'));
    expect(differing.length / q.questions.length).toBeGreaterThan(0.6);
    expect(q.title.nn).not.toBe(q.title.nb);
  });
});
