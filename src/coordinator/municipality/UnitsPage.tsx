/** The municipality's units (homes, day centres): every coordinator sees them; an administrator adds and renames them. */
import { useState, type FormEvent } from 'react';
import { useSubmission } from '../ui/useSubmission.ts';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { unitInputSchema, unitSchema, type Unit } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadUnits } from '../resources.ts';
import { useSession } from '../session.ts';
import { TextInput } from '../ui/TextInput.tsx';
import { UnitRow } from './UnitRow.tsx';
import { useApiData } from '../useApiData.ts';

export function UnitsPage() {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const { result, reload, replace } = useApiData('units', loadUnits);
  const [name, setName] = useState('');
  const { error, failure, saved: added, refuse, send } = useSubmission();
  const units = result.state === 'ready' ? result.data : [];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = unitInputSchema.safeParse({ name });
    if (!parsed.success) {
      refuse(t('units.nameRequired'));
      return;
    }
    await send(async () => {
      const unit = await apiSend('POST', '/units', parsed.data, unitSchema);
      replace([...units, unit]);
      setName('');
      return t('units.added', { name: unit.name });
    });
  }

  const renamed = (unit: Unit) => replace(units.map((u) => (u.id === unit.id ? unit : u)));

  return (
    <>
      <PageHeading title={t('units.title')}>{t('units.title')}</PageHeading>
      <p>{t('units.intro')}</p>
      <LoadState result={result} onRetry={reload} />
      {result.state === 'ready' ? (
        <section aria-labelledby="unit-list-heading" className="panel">
          <h2 id="unit-list-heading">{t('units.listHeading')}</h2>
          {units.length === 0 ? <p>{t('units.none')}</p> : null}
          <ul className="unit-list">
            {units.map((unit) => (
              <UnitRow key={unit.id} unit={unit} onRenamed={renamed} canRename={me.isAdmin} />
            ))}
          </ul>
        </section>
      ) : null}
      {me.isAdmin ? null : <p>{t('units.adminOnly')}</p>}
      {me.isAdmin ? (
      <section aria-labelledby="unit-add-heading" className="panel narrow">
        <h2 id="unit-add-heading">{t('units.addHeading')}</h2>
        <Form onSubmit={add} validationBehavior="aria">
          <TextInput label={t('units.name')} name="name" value={name} onChange={setName} error={error} />
          <FailureNotice failure={failure} />
          <p role="status">{added}</p>
          <Button type="submit" className="button primary">
            {t('units.add')}
          </Button>
        </Form>
      </section>
      ) : null}
    </>
  );
}
