/** For an administrator: the municipality's coordinators (reset a password, disable an account), and a form to add one. */
import { useTranslation } from 'react-i18next';
import { CoordinatorRow } from './CoordinatorRow.tsx';
import { NewCoordinatorForm } from './NewCoordinatorForm.tsx';
import { NS } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadCoordinators } from '../resources.ts';
import { useSession } from '../session.ts';
import { useApiData } from '../useApiData.ts';

export function CoordinatorsPage() {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const { result, reload, replace } = useApiData('coordinators', loadCoordinators);
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
              <th scope="col">{t('coordinators.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((coordinator) => (
              <CoordinatorRow
                key={coordinator.id}
                coordinator={coordinator}
                isSelf={coordinator.username === me.username}
                onChanged={(changed) => replace(result.data.map((c) => (c.id === changed.id ? changed : c)))}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <NewCoordinatorForm onAdded={reload} />
    </>
  );
}
