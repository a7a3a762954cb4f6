/**
 * Changing one's own password: the current one and a new one (at least 12
 * characters, not a common password; the server checks). Also the only page
 * a coordinator sees after an admin reset their password, until they have
 * chosen their own. The form itself (PasswordForm) serves operators too.
 */
import { useSession } from '../session.ts';
import { NS } from '../i18n.ts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export function PasswordPage() {
  const { t } = useTranslation(NS);
  const { me, update } = useSession();
  return (
    <section className="panel narrow">
      <PageHeading title={t('password.title')}>{t('password.title')}</PageHeading>
      <PasswordForm
        mustChange={me.mustChangePassword}
        onChanged={() => {
          if (me.mustChangePassword) update({ ...me, mustChangePassword: false });
        }}
      />
    </section>
  );
}
