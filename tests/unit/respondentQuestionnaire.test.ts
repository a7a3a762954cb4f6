/**
 * Checks the real respondent questionnaire (questionnaires/respondent.json),
 * second edition: structure, themes, the few true mirror pairs against
 * yes-saying, gates before questions that would assume something, pictures
 * and easy language (src/shared/readability.ts) in bokmål and nynorsk.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionnaires, PUBLIC_DIR } from '../../src/server/loadQuestionnaires.ts';
import type { Question, Questionnaire } from '../../src/shared/questionnaire.ts';
import { favourableOf } from '../../src/shared/favourableAnswer.ts';
import { checkReadability, MAX_QUESTION_WORDS, MAX_RESPONDENT_LIX, words } from '../../src/shared/readability.ts';
import { THEMES } from '../../src/shared/themes.ts';

const LANGS = ['nb', 'nn'] as const;
const SECTION_ORDER = ['bolig', 'dagtid', 'fritid', 'helse', 'personalet', 'helhet'];
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
    expect(q.version).toBe(2);
    expect(q.audience).toBe('respondent');
    expect([...q.languages].sort()).toEqual(['nb', 'nn']);
  });

  it('has 45–53 questions, fewer than the first edition\'s 58', () => {
    expect(q.questions.length).toBeGreaterThanOrEqual(45);
    expect(q.questions.length).toBeLessThanOrEqual(53);
  });

  it('asks about own money, privacy (own key, knocking), doing things yourself and getting to work', () => {
    const ids = new Set(q.questions.map((question) => question.id));
    for (const id of ['bolig-penger', 'bolig-las', 'personalet-banker', 'bolig-gjore-selv', 'dagtid-reise', 'personalet-sporre']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('has the life areas in order, each with questions, and one overall question last', () => {
    expect(q.sections.map((s) => s.id)).toEqual(SECTION_ORDER);
    for (const section of SECTION_ORDER) {
      expect(q.questions.filter((question) => question.section === section).length, section).toBeGreaterThan(0);
    }
    for (const section of SECTION_ORDER.slice(0, -1)) {
      const count = q.questions.filter((question) => question.section === section).length;
      expect(count, section).toBeGreaterThanOrEqual(8);
      expect(count, section).toBeLessThanOrEqual(12);
    }
    const overall = q.questions.filter((question) => question.section === 'helhet');
    expect(overall).toHaveLength(1);
    expect(q.questions.at(-1)?.section).toBe('helhet');
    expect(overall[0]?.condition).toBeUndefined();
  });

  it('uses each theme in at least three scored questions; factual gates have no theme and no favourable answer', () => {
    for (const theme of THEMES) {
      const scored = q.questions.filter((question) => question.theme === theme && favourableOf(question) !== 'none');
      expect(scored.length, theme).toBeGreaterThanOrEqual(3);
    }
    for (const question of q.questions.filter((item) => item.kind === 'factual')) {
      expect(question.theme, question.id).toBeUndefined();
      expect(favourableOf(question), question.id).toBe('none');
    }
  });

  it('has two or three true mirror pairs against yes-saying, and no reversed question outside them', () => {
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
    expect([...pairs].sort()).toEqual(['bolig-trist / bolig-trives', 'fritid-kjeder / fritid-nok', 'personalet-kommer / personalet-vente']);
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

  it('asks about staff at home, the shower and the bathroom only after a gate says they apply', () => {
    const gate = (id: string) => q.questions.find((question) => question.id === id)?.condition?.question;
    for (const id of ['personalet-banker', 'personalet-kommer', 'personalet-vente', 'helse-vondt', 'helse-dusj']) {
      expect(gate(id), id).toBe('bolig-har-hjelp');
    }
    expect(gate('helse-bad')).toBe('helse-dusj');
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
    expect(q.intro.map((page) => page.illustration.file)).toContain('illustrations/eir-hjelper.svg');
  });

  it('writes every question in easy language in both languages', () => {
    const report = checkReadability(q);
    expect(report.errors).toEqual([]);
    for (const lang of LANGS) {
      for (const question of q.questions) {
        expect(words(text(question, lang)).length, `${question.id} (${lang})`).toBeLessThanOrEqual(MAX_QUESTION_WORDS);
      }
    }
    console.log(report.summary.join('\n'));
    expect(report.summary.every((line) => Number(/LIX (\d+,\d)/.exec(line)?.[1]?.replace(',', '.')) <= MAX_RESPONDENT_LIX)).toBe(true);
  });

  it('tells the truth about who sees the answers: a helper may, the municipality only sees many together', () => {
    const page = q.intro.find((item) => item.id === 'hemmelig');
    expect(page?.text.nb).toContain('Den som hjelper deg, skal holde svarene hemmelige.');
    expect(page?.text.nb).toContain('Kommunen får bare se svar fra flere sammen.');
    expect(page?.text.nb).not.toMatch(/Ingen i personalet/);
  });

  it('has nynorsk that differs from bokmål, and the one product name in both', () => {
    const differing = q.questions.filter((question) => text(question, 'nb') !== text(question, 'nn'));
    expect(differing.length / q.questions.length).toBeGreaterThan(0.6);
    // The product name is a proper noun, the same in every language (the review found three forms in nynorsk).
    expect(q.title).toEqual({ nb: 'Min stemme teller', nn: 'Min stemme teller' });
  });
});
