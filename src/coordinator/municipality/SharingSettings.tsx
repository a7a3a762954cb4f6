/**
 * For an administrator, on the municipality page: whether the municipality
 * takes part in the anonymous comparison with other municipalities. Off
 * until the admin turns it on; says exactly what is shared and that it can
 * be withdrawn. Saved as soon as it is switched.
 */
import { useTranslation } from 'react-i18next';
import { meSchema } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { useSession } from '../session.ts';
import { SwitchField } from '../ui/SwitchField.tsx';
import { useSubmission } from '../ui/useSubmission.ts';

export function SharingSettings() {
  const { t } = useTranslation(NS);
  const { me, update } = useSession();
  const { failure, saved, send } = useSubmission();

  async function change(sharesComparison: boolean) {
    await send(async () => {
      const municipality = await apiSend('PATCH', '/municipality', { sharesComparison }, meSchema.shape.municipality);
      update({ ...me, municipality });
      return t(municipality.sharesComparison ? 'sharing.savedOn' : 'sharing.savedOff');
    });
  }

  return (
    <section aria-labelledby="sharing-heading" className="sharing">
      <h2 id="sharing-heading">{t('sharing.heading')}</h2>
      <p>{t('sharing.intro')}</p>
      <h3>{t('sharing.whatHeading')}</h3>
      <ul>
        <li>{t('sharing.shared')}</li>
        <li>{t('sharing.notShared')}</li>
        <li>{t('sharing.seen')}</li>
        <li>{t('sharing.withdraw')}</li>
      </ul>
      <SwitchField label={t('sharing.switch')} value={me.municipality.sharesComparison} onChange={(value) => void change(value)} />
      <FailureNotice failure={failure} />
      <p role="status">{saved}</p>
    </section>
  );
}
