/** The operator's header: who is signed in, and sign-out (an operator has one page, and no municipality's menu). */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';

export function OperatorNav({ username, onSignOut }: { readonly username: string; readonly onSignOut: () => void }) {
  const { t } = useTranslation(NS);
  return (
    <>
      <p className="coord-user">{t('operator.signedInAs', { username })}</p>
      <Button className="header-button" onPress={onSignOut}>
        {t('nav.signOut')}
      </Button>
    </>
  );
}
