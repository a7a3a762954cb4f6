/**
 * When the results shown were made and from how many responses, and
 * whether later responses wait to be included once enough have come that
 * none can be singled out. Results change only from one release to the next.
 */
import { useTranslation } from 'react-i18next';
import type { Release } from '../../shared/coordinatorApi.ts';
import { formatDate } from '../format.ts';
import { NS } from '../i18n.ts';

export function ReleaseNote({ release }: { readonly release: Release }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <div className="release-note">
      <p>{t('release.made', { date: formatDate(release.madeOn, i18n.language), count: release.responses })}</p>
      {release.waiting ? <p>{t('release.waiting')}</p> : null}
    </div>
  );
}
