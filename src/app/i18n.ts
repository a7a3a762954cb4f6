/**
 * UI strings for the app, from src/locales; the language follows the
 * survey's choice. Bokmål (the fallback) is in the first download; nynorsk
 * and English are separate chunks fetched the first time they are used
 * (from the service worker's precache once the app was opened online).
 */
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.json';

export const UI_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The last language chosen on this device, so a reload does not switch a nynorsk helper to bokmål. */
const LANGUAGE_KEY = 'min-stemme-teller-language';

function savedLanguage(): UiLanguage {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return UI_LANGUAGES.find((lang) => lang === saved) ?? 'nb';
  } catch {
    return 'nb';
  }
}

/** Loads the other languages' strings on demand (a chunk each). */
const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = language === 'nn' ? import('../locales/nn.json') : language === 'en' ? import('../locales/en.json') : null;
    if (!load) return callback(null, language === 'nb' ? nb : {});
    load.then((module) => callback(null, module.default), (error: unknown) => callback(error as Error, null));
  },
};

/** Resolves once the saved language's strings are loaded; the app renders after it. */
export const i18nReady = i18next
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { nb: { translation: nb } },
    partialBundledLanguages: true,
    lng: savedLanguage(),
    fallbackLng: 'nb',
    initAsync: false,
    interpolation: { escapeValue: false },
  });

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // Private mode may refuse storage; the language then resets on reload, nothing else breaks.
  }
}

applyLanguage(i18next.language);
i18next.on('languageChanged', applyLanguage);

export default i18next;
