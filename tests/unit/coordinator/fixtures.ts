/** Realistic API answers for the coordinator page tests, each checked against the shared zod schemas. */
import { z } from 'zod';
import { meSchema, questionnaireInfoSchema, resultsSchema, roundSchema, unitSchema, type Results } from '../../../src/shared/coordinatorApi.ts';

export const API = '/api/v1/coordinator';

export const me = meSchema.parse({
  username: 'kari.koordinator',
  isAdmin: true,
  municipality: { id: 1, name: 'Eksempel kommune', anonymityThreshold: 5 },
});

export const units = z.array(unitSchema).parse([
  { id: 1, name: 'Solsikken bofellesskap' },
  { id: 2, name: 'Granly dagsenter' },
]);

export const questionnaires = z.array(questionnaireInfoSchema).parse([
  { id: 'respondent', version: 1, audience: 'respondent', title: { nb: 'Min stemme teller', nn: 'Mi stemme tel' } },
  { id: 'relative', version: 1, audience: 'relative', title: { nb: 'Undersøkelse for pårørende og verger', nn: 'Undersøking for pårørande og verjer' } },
]);

export const round = roundSchema.parse({
  id: 3,
  name: 'Høsten 2026',
  opensOn: '2026-09-01',
  closesOn: '2026-10-15',
  status: 'open',
  tabletCode: 'K7PMX4QZ',
  relativeCode: 'PARO2345',
  questionnaireIds: ['respondent', 'relative'],
  unitIds: [1, 2],
  responseCount: 14,
});

const shown = (n: number, score: number) => ({ n, score, suppressed: false });
const hidden = { n: null, score: null, suppressed: true };

/** Respondents above the threshold (12), relatives below it; unit 1 shown, unit 2 hidden. */
export const results: Results = resultsSchema.parse({
  threshold: 5,
  filters: {},
  groups: { respondent: shown(12, 71), relative: hidden },
  themes: [
    { theme: 'trygghet', respondent: shown(12, 80), relative: hidden, difference: null },
    { theme: 'selvbestemmelse', respondent: shown(12, 54), relative: hidden, difference: null },
  ],
  twoVoices: [],
  byAnswerMode: [
    { mode: 'alone', group: shown(7, 75), themes: [{ theme: 'trygghet', score: shown(7, 86) }] },
    { mode: 'with-help', group: hidden, themes: [{ theme: 'trygghet', score: hidden }] },
  ],
  units: [
    { unitId: 1, name: 'Solsikken bofellesskap', respondent: shown(9, 68), relative: hidden },
    { unitId: 2, name: 'Granly dagsenter', respondent: hidden, relative: hidden },
  ],
  questions: [
    {
      questionnaireId: 'respondent',
      audience: 'respondent',
      questionId: 'bolig-trives',
      sectionId: 'bolig',
      theme: 'trivsel',
      text: { nb: 'Liker du å bo der du bor?', nn: 'Likar du å bu der du bur?' },
      n: 12,
      skipped: 2,
      suppressed: false,
      options: [
        { value: 'ja', label: { nb: 'Ja', nn: 'Ja' }, count: 6, percent: 60 },
        { value: 'bade-ja-og-nei', label: { nb: 'Både ja og nei', nn: 'Både ja og nei' }, count: 3, percent: 30 },
        { value: 'nei', label: { nb: 'Nei', nn: 'Nei' }, count: 1, percent: 10 },
      ],
    },
    {
      questionnaireId: 'relative',
      audience: 'relative',
      questionId: 'bolig-trives',
      sectionId: 'bolig',
      theme: 'trivsel',
      text: { nb: 'Personen trives der hun eller han bor.', nn: 'Personen trivst der ho eller han bur.' },
      n: null,
      skipped: null,
      suppressed: true,
      options: [{ value: '6', label: { nb: 'Helt enig', nn: 'Heilt einig' }, count: null, percent: null }],
    },
  ],
  trend: [
    { roundId: 1, roundName: 'Våren 2026', opensOn: '2026-03-01', audience: 'respondent', themes: [{ theme: 'trygghet', score: shown(10, 70) }] },
    { roundId: 3, roundName: 'Høsten 2026', opensOn: '2026-09-01', audience: 'respondent', themes: [{ theme: 'trygghet', score: shown(12, 80) }] },
  ],
  consistency: [
    { audience: 'respondent', group: shown(12, 71), sameAnswerShare: 25, inconsistentPairShare: 8.3 },
    { audience: 'relative', group: hidden, sameAnswerShare: null, inconsistentPairShare: null },
  ],
  comments: { suppressed: true, sections: [] },
});
