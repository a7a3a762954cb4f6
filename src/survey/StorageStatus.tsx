/** For the helper: whether the browser promised to keep this tablet's data, and media that could not be stored. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from './services.ts';
import { MEDIA_FAILED_KEY, PERSISTED_KEY } from '../storage/roundStore.ts';

export function StorageStatus() {
  const { t } = useTranslation();
  const { db } = useServices();
  const persisted = useLiveQuery(() => db.settings.get(PERSISTED_KEY), [], undefined);
  const failed = useLiveQuery(() => db.settings.get(MEDIA_FAILED_KEY), [], undefined);
  const failedCount = Array.isArray(failed?.value) ? failed.value.length : 0;
  if (persisted === undefined) return null;
  return (
    <div className="storage-status">
      <p>{persisted.value === true ? t('helper.storagePersistent') : t('helper.storageNotPersistent')}</p>
      {failedCount > 0 && <p className="notice warning">{t('helper.mediaFailed', { count: failedCount })}</p>}
    </div>
  );
}
