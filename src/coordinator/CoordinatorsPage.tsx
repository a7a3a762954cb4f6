/** For an administrator: the municipality's coordinators, and a form to add one. */
import { useTranslation } from 'react-i18next';
import { NewCoordinatorForm } from './NewCoordinatorForm.tsx';
import { NS } from './i18n.ts';
import { LoadState } from './LoadState.tsx';
import { PageHeading } from './PageHeading.tsx';
import { loadCoordinators } from './resources.ts';
import { useApiData } from './useApiData.ts';

export function CoordinatorsPage() {
  const { t } = useTranslation(NS);
  const { result, reload } = useApiData('coordinators', loadCoordinators);
  return (
    <>
      <PageHeading title={t('coordinators.title')}>{t('coordinators.title')}</PageHeading>
      <LoadState result={result} onRetry={reload} />
      {result.state === 'ready' ? (
        <table className="data-table">
          <caption>{t('coordinators.listHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coordinators.username')}</th>
              <th scope="col">{t('coordinators.role')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((coordinator) => (
              <tr key={coordinator.id}>
                <th scope="row">{coordinator.username}</th>
                <td>{coordinator.isAdmin ? t('coordinators.admin') : t('coordinators.coordinator')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NewCoordinatorForm onAdded={reload} />
    </>
  );
}
