/**
 * The easy-language check behind `npm run validate` (src/shared/readability.ts):
 * LIX computed as the review defines it, a too-long question, a long
 * sentence, a negation and a heavy text refused with the file path and the
 * offending figure, hard words warned about.
 */
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { questionnaireSchemaFor } from '../../src/shared/questionnaire.ts';
import { checkReadability, findHardWords, lix, parseHardWords, sentences, words } from '../../src/shared/readability.ts';

describe('lix', () => {
  it('is words per sentence plus the share of words longer than six letters', () => {
    // 10 words, 2 sentences, 2 long words (Personalet, hjelper): 10/2 + 100·2/10 = 25
    expect(lix(['Liker du å bo der du bor? Personalet hjelper deg.']).lix).toBeCloseTo(25, 10);
    // a colon ends a sentence: 6 words, 2 sentences, 1 long word (fornøyd)
    expect(lix(['Tenk på dette: Er du fornøyd?']).lix).toBeCloseTo(3 + 100 / 6, 10);
    // each text is at least one sentence: 3 words, 2 sentences, no long words
    expect(lix(['Hei du', 'Ja']).lix).toBeCloseTo(1.5, 10);
    // exactly six letters is short, seven is long; a hyphenated word is one word
    expect(words('dagtid trenger bo-tilbud')).toEqual(['dagtid', 'trenger', 'bo-tilbud']);
    expect(lix(['dagtid trenger.']).lix).toBeCloseTo(2 + 50, 10);
  });

  it('matches a known text: the first edition\'s intro page «hei» has LIX 23.0 as the review measured', () => {
    const hei =
      'Jeg heter Eir. Jeg vil vite hva du synes om hjelpen du får. Du får spørsmål om der du bor, på dagtid og på fritiden. Du får også spørsmål om helsen din og om personalet.';
    const figures = lix([hei]);
    expect(figures).toMatchObject({ words: 35, sentences: 4, longWords: 5 });
    expect(figures.lix).toBeCloseTo(35 / 4 + 500 / 35, 10);
    expect(figures.lix.toFixed(1)).toBe('23.0');
  });

  it('cuts sentences after . ! ? : and at paragraph breaks, keeping times and decimals whole', () => {
    expect(sentences('Hei! Kom kl. 12:30 i dag.\n\nTakk')).toEqual(['Hei!', 'Kom kl.', '12:30 i dag.', 'Takk']);
  });
});

const text = (nb: string, nn = nb) => ({ nb, nn });
const picture = { file: 'illustrations/hus.svg', alt: text('Et hus.') };

function questionnaire(audience: 'respondent' | 'relative', questions: string[], introText = 'Hei. Jeg heter Eir.'): Questionnaire {
  const input = {
    id: audience,
    version: 2,
    audience,
    title: text('Min stemme teller'),
    languages: ['nb', 'nn'],
    intro: [{ id: 'hei', text: text(introText), illustration: picture }],
    sections: [{ id: 'bolig', title: text('Der du bor') }],
    questions: questions.map((q, i) => ({
      id: `q${i}`,
      section: 'bolig',
      theme: 'trivsel',
      text: text(q),
      illustration: picture,
      scale: audience === 'respondent' ? 'ja-bade-nei' : 'grad-1-6',
    })),
    end: { id: 'takk', text: text('Takk!'), illustration: picture },
  };
  return questionnaireSchemaFor(input).parse(input);
}

describe('checkReadability', () => {
  it('passes short questions and reports the figures per language', () => {
    const report = checkReadability(questionnaire('respondent', ['Liker du å bo der du bor?', 'Er du glad?']));
    expect(report.errors).toEqual([]);
    expect(report.summary).toHaveLength(2);
    expect(report.summary[0]).toMatch(/^nb: LIX \d+,\d for all tekst \(høyst 25\).*lengste spørsmål 7 ord$/);
  });

  it('refuses a question of more than 15 words, naming the path, the count and the text', () => {
    const long = 'Får du være med og bestemme hva du skal gjøre i dag og i morgen og neste uke?';
    const report = checkReadability(questionnaire('respondent', ['Er du glad?', long]));
    expect(report.errors).toContainEqual({
      path: 'questions[1].text.nb',
      message: `har 18 ord — et spørsmål kan ha høyst 15; del det opp eller si det kortere: «${long}»`,
    });
    expect(report.errors.map((e) => e.path)).toContain('questions[1].text.nn');
  });

  it('refuses a negation in a question and a sentence over 15 words on an intro page', () => {
    const intro = 'Du kan svare på alle spørsmålene i dag eller i morgen eller når du selv har lyst til det.';
    const report = checkReadability(questionnaire('respondent', ['Er du ikke glad?'], intro));
    expect(report.errors.find((e) => e.path === 'questions[0].text.nb')?.message).toMatch(/^har nektelsen «ikke»/);
    expect(report.errors.find((e) => e.path === 'intro[0].text.nb')?.message).toMatch(/^har en setning med 19 ord \(høyst 15\)/);
  });

  it('refuses respondent text with LIX over 25 and relatives text over 35, naming the figure and the heaviest text', () => {
    const heavy = 'Habiliteringstjenesten dokumenterer brukermedvirkningen systematisk.';
    // With the intro (4 words, 2 sentences) and «Takk!»: 9 words, 4 sentences, 4 long words: 2.25 + 44.4
    const respondent = checkReadability(questionnaire('respondent', [heavy]));
    expect(respondent.errors.find((e) => e.path === '')?.message).toMatch(/^LIX for all tekst på nb er 46,7, høyst 25 er tillatt — tyngst er questions\[0\]\.text\.nb: «Habiliteringstjenesten/);
    const relative = checkReadability(questionnaire('relative', [heavy]));
    expect(relative.errors.find((e) => e.path === '')?.message).toMatch(/høyst 35 er tillatt/);
    // A relatives' statement may be longer than 15 words: only the overall LIX counts there.
    const longStatement = 'Personen får den hjelpen som trengs hjemme, for eksempel med mat, vask og å stå opp om morgenen.';
    expect(checkReadability(questionnaire('relative', [longStatement])).errors).toEqual([]);
  });

  it('warns about words on the hard-words list, with the suggestion, without failing', () => {
    const list = parseHardWords('# comment\ntjeneste* -> hjelpen\n\nnoe fast → noe hver uke\n');
    expect(list).toEqual([
      { word: 'tjeneste', prefix: true, suggestion: 'hjelpen' },
      { word: 'noe fast', prefix: false, suggestion: 'noe hver uke' },
    ]);
    expect(findHardWords('Er du med på noe fast?', list).map((hit) => hit.found)).toEqual(['noe fast']);
    expect(findHardWords('Er du med på noe fastere?', list)).toEqual([]);
    const report = checkReadability(questionnaire('respondent', ['Liker du tjenestene?']), list);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContainEqual({ path: 'questions[0].text.nb', message: 'har det vanskelige ordet «tjenestene» — skriv heller «hjelpen»' });
  });
});
