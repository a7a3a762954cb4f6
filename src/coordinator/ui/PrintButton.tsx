/** Opens the browser's print dialog ("Skriv ut"), where the page can also be saved as PDF. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';

export function PrintButton() {
  const { t } = useTranslation(NS);
  return (
    <Button className="button primary no-print" onPress={() => window.print()}>
      {t('common.print')}
    </Button>
  );
}
