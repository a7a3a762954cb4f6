/** UI strings for the app, from src/locales; the language follows the survey's choice. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import nb from '../locales/nb.json';
import nn from '../locales/nn.json';

export const UI_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: 'nb',
  fallbackLng: 'nb',
  initAsync: false,
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18next;
