/**
 * The coordinator's strings, added to the app's i18next instance when this
 * chunk loads (tablets and phones never download them): the pages in
 * bokmål and English, and the printed texts for relatives and respondents
 * (the letter and "Dette sa dere") in bokmål and nynorsk.
 */
import i18next from '../app/i18n.ts';
import en from '../locales/coordinator/en.json';
import letterNb from '../locales/coordinator/letter-nb.json';
import letterNn from '../locales/coordinator/letter-nn.json';
import nb from '../locales/coordinator/nb.json';

export const NS = 'coordinator';
export const PRINT_NS = 'coordinator-print';

export const COORDINATOR_LANGUAGES = ['nb', 'en'] as const;
export type CoordinatorLanguage = (typeof COORDINATOR_LANGUAGES)[number];
export const PRINT_LANGUAGES = ['nb', 'nn'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

i18next.addResourceBundle('nb', NS, nb, true, true);
i18next.addResourceBundle('en', NS, en, true, true);
i18next.addResourceBundle('nb', PRINT_NS, letterNb, true, true);
i18next.addResourceBundle('nn', PRINT_NS, letterNn, true, true);

/** Coordinator pages are in bokmål or English; a device left on nynorsk shows bokmål. */
export function coordinatorLanguage(lng: string = i18next.language): CoordinatorLanguage {
  return lng === 'en' ? 'en' : 'nb';
}

/** Switches a device that was on nynorsk (the tablet's choice) to bokmål, so lang="…" matches the text. */
export function ensureCoordinatorLanguage(): void {
  if (i18next.language !== coordinatorLanguage()) void i18next.changeLanguage(coordinatorLanguage());
}

/** A t() for a printed text in bokmål or nynorsk, whatever language the page itself is in. */
export function printT(lang: PrintLanguage) {
  return i18next.getFixedT(lang, PRINT_NS);
}

export default i18next;

/** The part of t() that plain helper modules need, whatever namespace the caller's t() is bound to. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
