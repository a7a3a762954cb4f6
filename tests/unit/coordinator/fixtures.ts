/** Realistic API answers for the coordinator page tests, each checked against the shared zod schemas. */
import { z } from 'zod';
import {
  meSchema,
  progressSchema,
  questionnaireInfoSchema,
  resultsSchema,
  roundSchema,
  unitSchema,
  type DisclosureStatus,
  type Progress,
  type Results,
} from '../../../src/shared/coordinatorApi.ts';

export const API = '/api/v1/coordinator';

export const me = meSchema.parse({
  username: 'kari.koordinator',
  isAdmin: true,
  mustChangePassword: false,
  municipality: { id: 1, name: 'Eksempel kommune', anonymityThreshold: 5, sharesComparison: false, usernameSuffix: 'eksempel-kommune' },
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
  status: 'closed',
  tabletCode: 'K7PMX4QZ',
  relativeCode: 'PARO2345',
  questionnaireIds: ['respondent', 'relative'],
  unitIds: [1, 2],
  responseCount: 18,
});

/** A figure the server shows: n and an unrounded score. */
export const shown = (n: number, score: number) => ({ n, score, suppressed: false, status: 'shown' as const });
/** A figure the server hides, and why. */
export const hidden = (status: Exclude<DisclosureStatus, 'shown'>) => ({ n: null, score: null, suppressed: true, status });
/** A favourable share the server shows, unrounded, with its interval. */
export const share = (value: number, low: number, high: number, answered: number) => ({ status: 'shown' as const, share: value, low, high, answered, people: answered });
/** A favourable share the server hides, and why. */
export const hiddenShare = (status: Exclude<DisclosureStatus, 'shown'>) => ({ status, share: null, low: null, high: null, answered: null, people: null });

/**
 * The round's first release. Respondents (12) and relatives (6) are both
 * shown; below them every reason to hide a figure appears at least once:
 * "empty", "too-few" and "protecting". Scores are unrounded: 45.45 must be
 * written 45, and the gap 45.45 − 40.5 = 4.95 must be written 5 (not 45 − 41).
 */
export const results: Results = resultsSchema.parse({
  threshold: 5,
  filters: {},
  release: { number: 1, madeOn: '2026-10-16', responses: 18, waiting: false },
  groups: { respondent: shown(12, 71.4), proxy: hidden('too-few'), relative: shown(6, 52.8) },
  flaggedLeftOut: null,
  themes: [
    {
      theme: 'trygghet', respondent: shown(12, 80), relative: hidden('too-few'), difference: null, proxy: hidden('too-few'),
      favourable: { respondent: share(0.8333, 0.5520, 0.9530, 12), proxy: hiddenShare('too-few'), relative: hiddenShare('too-few'), verdict: null },
    },
    {
      theme: 'selvbestemmelse', respondent: shown(12, 54.2), relative: hidden('protecting'), difference: null, proxy: hidden('too-few'),
      favourable: { respondent: share(0.5, 0.2538, 0.7462, 12), proxy: hiddenShare('too-few'), relative: hiddenShare('protecting'), verdict: null },
    },
    {
      // 0–100 scores 45.45 and 40.5; favourable 7/11 against 3/6: within the noise.
      theme: 'trivsel', respondent: shown(12, 45.45), relative: shown(6, 40.5), difference: 4.95, proxy: hidden('too-few'),
      favourable: { respondent: share(0.63636, 0.35381, 0.84830, 11), proxy: hiddenShare('too-few'), relative: share(0.5, 0.18761, 0.81239, 6), verdict: 'no-certain-difference' },
    },
    {
      // Favourable 11/12 against 1/6: certainly higher.
      theme: 'respektfull-behandling', respondent: shown(12, 91), relative: shown(6, 30), difference: 61, proxy: hidden('too-few'),
      favourable: { respondent: share(0.91667, 0.64612, 0.98513, 12), proxy: hiddenShare('too-few'), relative: share(0.16667, 0.03005, 0.56351, 6), verdict: 'higher' },
    },
    {
      theme: 'informasjon', respondent: hidden('empty'), relative: hidden('empty'), difference: null, proxy: hidden('empty'),
      favourable: { respondent: hiddenShare('empty'), proxy: hiddenShare('empty'), relative: hiddenShare('empty'), verdict: null },
    },
  ],
  questionPairs: [
    {
      questionId: 'bolig-trives', theme: 'trivsel',
      text: { nb: 'Liker du å bo der du bor?', nn: 'Likar du å bu der du bur?' },
      relativeText: { nb: 'Personen trives der hun eller han bor.', nn: 'Personen trivst der ho eller han bur.' },
      respondent: share(0.54545, 0.28009, 0.78733, 11), relative: hiddenShare('too-few'), verdict: null,
    },
  ],
  matrix: {
    previousRound: { roundId: 1, roundName: 'Våren 2026' },
    rows: [
      {
        unitId: 1, name: 'Solsikken bofellesskap',
        cells: [
          { theme: 'trivsel', respondent: share(0.77778, 0.45260, 0.93678, 9), relative: hiddenShare('too-few'), respondentChange: { difference: 0.45, verdict: 'higher' }, relativeChange: null },
          { theme: 'trygghet', respondent: share(0.66667, 0.35420, 0.87941, 9), relative: hiddenShare('too-few'), respondentChange: { difference: -0.05, verdict: 'no-certain-difference' }, relativeChange: null },
        ],
      },
      {
        unitId: 2, name: 'Granly dagsenter',
        cells: [
          { theme: 'trivsel', respondent: hiddenShare('protecting'), relative: hiddenShare('empty'), respondentChange: null, relativeChange: null },
          { theme: 'trygghet', respondent: hiddenShare('protecting'), relative: hiddenShare('empty'), respondentChange: null, relativeChange: null },
        ],
      },
    ],
  },
  byAnswerMode: [
    { mode: 'alone', group: shown(7, 75), themes: [{ theme: 'trygghet', score: shown(7, 86) }] },
    { mode: 'with-help', group: hidden('too-few'), themes: [{ theme: 'trygghet', score: hidden('too-few') }] },
    { mode: 'not-recorded', group: hidden('protecting'), themes: [{ theme: 'trygghet', score: hidden('protecting') }] },
  ],
  units: [
    { unitId: 1, name: 'Solsikken bofellesskap', respondent: shown(9, 68), relative: hidden('too-few') },
    { unitId: 2, name: 'Granly dagsenter', respondent: hidden('protecting'), relative: hidden('empty') },
    { unitId: null, name: '', respondent: hidden('empty'), relative: hidden('protecting') },
  ],
  questions: [
    {
      questionnaireId: 'respondent',
      audience: 'respondent',
      voice: 'respondent',
      questionId: 'bolig-trives',
      sectionId: 'bolig',
      block: null,
      theme: 'trivsel',
      text: { nb: 'Liker du å bo der du bor?', nn: 'Likar du å bu der du bur?' },
      n: 12,
      skipped: 1,
      suppressed: false,
      status: 'shown',
      options: [
        { value: 'ja', label: { nb: 'Ja', nn: 'Ja' }, count: 6, percent: 54.545454 },
        { value: 'bade-ja-og-nei', label: { nb: 'Både ja og nei', nn: 'Både ja og nei' }, count: 3, percent: 27.272727 },
        { value: 'nei', label: { nb: 'Nei', nn: 'Nei' }, count: 2, percent: 18.181818 },
      ],
    },
    {
      questionnaireId: 'relative',
      audience: 'relative',
      voice: 'relative',
      questionId: 'bolig-trives',
      sectionId: 'bolig',
      block: null,
      theme: 'trivsel',
      text: { nb: 'Personen trives der hun eller han bor.', nn: 'Personen trivst der ho eller han bur.' },
      n: null,
      skipped: null,
      suppressed: true,
      status: 'too-few',
      options: [{ value: '6', label: { nb: 'Helt enig', nn: 'Heilt einig' }, count: null, percent: null }],
    },
    {
      questionnaireId: 'relative',
      audience: 'relative',
      voice: 'relative',
      questionId: 'trygg',
      sectionId: 'trygghet',
      block: null,
      theme: 'trygghet',
      text: { nb: 'Personen er trygg der hun eller han bor.', nn: 'Personen er trygg der ho eller han bur.' },
      n: null,
      skipped: null,
      suppressed: true,
      status: 'protecting',
      options: [{ value: '6', label: { nb: 'Helt enig', nn: 'Heilt einig' }, count: null, percent: null }],
    },
  ],
  blocks: [],
  trend: [
    { roundId: 1, roundName: 'Våren 2026', opensOn: '2026-03-01', audience: 'respondent', themes: [{ theme: 'trygghet', score: hidden('too-few'), favourable: hiddenShare('too-few') }], questions: [] },
    { roundId: 3, roundName: 'Høsten 2026', opensOn: '2026-09-01', audience: 'respondent', themes: [{ theme: 'trygghet', score: shown(12, 80), favourable: share(0.8333, 0.5520, 0.9530, 12) }], questions: [] },
  ],
  consistency: [
    { audience: 'respondent', group: shown(12, 71.4), sameAnswerShare: 25, inconsistentPairShare: 8.3 },
    { audience: 'relative', group: hidden('protecting'), sameAnswerShare: null, inconsistentPairShare: null },
  ],
  comments: {
    suppressed: false,
    sections: [
      { key: 'bolig', title: { nb: 'Bolig', nn: 'Bustad' }, status: 'shown', comments: ['Hyggelige ansatte.'] },
      { key: 'fritid', title: { nb: 'Fritid', nn: 'Fritid' }, status: 'too-few', comments: [] },
      { key: 'helse', title: { nb: 'Helse', nn: 'Helse' }, status: 'protecting', comments: [] },
      { key: 'arbeid', title: { nb: 'Arbeid', nn: 'Arbeid' }, status: 'empty', comments: [] },
    ],
  },
});

/** The same round filtered by one unit: never split by answer mode. */
export const resultsForUnit: Results = resultsSchema.parse({
  ...results,
  filters: { unitId: 1 },
  groups: { respondent: shown(9, 68), proxy: null, relative: hidden('too-few') },
  byAnswerMode: [],
  units: [results.units[0]],
});

/** The same round filtered by one answer mode: never split by unit. */
export const resultsForMode: Results = resultsSchema.parse({
  ...results,
  filters: { answerMode: 'alone' },
  groups: { respondent: shown(7, 75), proxy: null, relative: hidden('empty') },
  byAnswerMode: [results.byAnswerMode[0]],
  units: [],
});

/** The same round without the responses flagged as yes-saying or one answer to everything: 3 + 0 + 1 left out. */
export const resultsWithoutFlagged: Results = resultsSchema.parse({
  ...results,
  filters: { withoutFlagged: true },
  groups: { respondent: shown(9, 70), proxy: shown(5, 60), relative: shown(5, 50) },
  flaggedLeftOut: { respondent: 3, proxy: 0, relative: 1 },
  comments: { suppressed: true, sections: [] },
});

/** Live progress: statuses per unit, never counts; relatives' total hidden while a unit has a few. */
export function progress(solsikken: 'none' | 'few' | 'enough', totals: Progress['totals']): Progress {
  return progressSchema.parse({
    threshold: 5,
    totals,
    rows: [
      { unitId: 1, unitName: 'Solsikken bofellesskap', questionnaireId: 'respondent', audience: 'respondent', status: solsikken },
      { unitId: 2, unitName: 'Granly dagsenter', questionnaireId: 'respondent', audience: 'respondent', status: 'few' },
      { unitId: null, unitName: null, questionnaireId: 'relative', audience: 'relative', status: 'enough' },
    ],
  });
}
