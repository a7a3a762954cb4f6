/**
 * Languages a questionnaire can be written in. Bokmål and nynorsk are always
 * required; further languages are added by data (a questionnaire lists them).
 */
import { z } from 'zod/mini';

export const REQUIRED_LANGUAGES = ['nb', 'nn'] as const;

export const languageCode = z
  .string()
  .check(z.regex(/^[a-z]{2,3}$/, { error: 'må være en språkkode med to eller tre små bokstaver, for eksempel «nb» eller «nn»' }));

/** Names used in validation messages ("legg inn teksten på nynorsk"). */
const LANGUAGE_NAMES_NB: Record<string, string> = {
  nb: 'bokmål',
  nn: 'nynorsk',
  en: 'engelsk',
  se: 'nordsamisk',
  sma: 'sørsamisk',
  smj: 'lulesamisk',
};

export function languageNameNb(code: string): string {
  return LANGUAGE_NAMES_NB[code] ?? `språket «${code}»`;
}
