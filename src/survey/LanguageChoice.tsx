/**
 * Bokmål or nynorsk (or another language the questionnaire has): a radio
 * group that switches the page's own text at once. Choosing with the arrow
 * keys keeps focus on the chosen language (WCAG 3.2.2): pages that show it
 * move focus only when they open, never when the language changes.
 */
import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from './ChoiceGroup.tsx';

export interface LanguageChoiceProps {
  readonly label: string;
  readonly languages: readonly string[];
  readonly value: string;
  /** Called after the page's text has switched. */
  readonly onChange?: (language: string) => void;
}

export function LanguageChoice({ label, languages, value, onChange }: LanguageChoiceProps) {
  const { t, i18n } = useTranslation();
  return (
    <ChoiceGroup
      label={label}
      orientation="horizontal"
      value={value}
      onChange={(language) => {
        void i18n.changeLanguage(language);
        onChange?.(language);
      }}
      options={languages.map((code) => ({ value: code, label: t(`languages.${code}`, { defaultValue: code }) }))}
    />
  );
}
