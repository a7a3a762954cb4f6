/** Chooses bokmål or nynorsk for a printed text (the letter, "Dette sa dere"); the coordinator's own language is separate. */
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS, PRINT_LANGUAGES, type PrintLanguage } from '../i18n.ts';

export interface PrintLanguageChoiceProps {
  readonly label: string;
  readonly value: PrintLanguage;
  readonly onChange: (value: PrintLanguage) => void;
}

export function PrintLanguageChoice({ label, value, onChange }: PrintLanguageChoiceProps) {
  const { t } = useTranslation(NS);
  return (
    <RadioGroup
      className="radio-row no-print"
      orientation="horizontal"
      value={value}
      onChange={(next) => onChange(PRINT_LANGUAGES.find((lang) => lang === next) ?? 'nb')}
    >
      <Label className="choice-label">{label}</Label>
      <div className="radio-options">
        {PRINT_LANGUAGES.map((lang) => (
          <Radio key={lang} value={lang} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`printLanguage.${lang}`)}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
