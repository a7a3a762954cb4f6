/**
 * The seven themes of the national survey for relatives of people with
 * intellectual disabilities. Every question belongs to exactly one, so the
 * two voices (respondents and relatives) can be compared theme by theme.
 */

export const THEMES = [
  'selvbestemmelse',
  'trivsel',
  'brukermedvirkning',
  'respektfull-behandling',
  'informasjon',
  'nok-og-riktig-hjelp',
  'trygghet',
] as const;

export type ThemeId = (typeof THEMES)[number];
