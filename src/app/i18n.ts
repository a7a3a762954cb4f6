/** UI strings for the app, from src/locales; the language follows the survey's choice. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import nb from '../locales/nb.json';
import nn from '../locales/nn.json';

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

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
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
