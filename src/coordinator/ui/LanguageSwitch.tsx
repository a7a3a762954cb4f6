/** Switches the coordinator pages between bokmål and English; the button names the other language in that language. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { coordinatorLanguage, NS } from '../i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation(NS);
  const other = coordinatorLanguage(i18n.language) === 'en' ? 'nb' : 'en';
  return (
    <Button className="header-button" onPress={() => void i18n.changeLanguage(other)}>
      <span lang={other}>{t('language.switchTo')}</span>
    </Button>
  );
}
