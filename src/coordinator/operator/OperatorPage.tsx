/**
 * The operator's page (an operator of the deployment signs in at
 * /koordinator like everyone else): the municipalities with their activity
 * (rounds, coordinators, released responses rounded to tens, whether they
 * share in the comparison), and a form that creates a municipality with its
 * first admin, whose one-time password is shown once. Never a result or a
 * recording of any municipality.
 */
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createdMunicipalitySchema, newMunicipalitySchema, operatorMunicipalitySchema, type CreatedMunicipality } from '../../shared/coordinatorApi.ts';
import { requestJson } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { formatNumber } from '../format.ts';
import { NS } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PasswordForm } from '../accounts/PasswordForm.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { TextInput } from '../ui/TextInput.tsx';
import { useApiData } from '../useApiData.ts';
import { useSubmission } from '../ui/useSubmission.ts';

const OPERATOR_API = '/api/v1/operator';
const listSchema = z.array(operatorMunicipalitySchema);

function NewMunicipalityForm({ onCreated }: { readonly onCreated: () => void }) {
  const { t } = useTranslation(NS);
  const [name, setName] = useState('');
  const [adminUsername, setAdminUsername] = useState('');
  const { error: errors = {}, failure, saved: created, refuse, send } = useSubmission<{ name?: string; adminUsername?: string }, CreatedMunicipality>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = newMunicipalitySchema.safeParse({ name, ...(adminUsername.trim() ? { adminUsername } : {}) });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      refuse({
        ...(fields.has('name') ? { name: t('operator.errors.name') } : {}),
        ...(fields.has('adminUsername') ? { adminUsername: t('operator.errors.adminUsername') } : {}),
      });
      return;
    }
    await send(async () => {
      const result = createdMunicipalitySchema.parse(await requestJson(`${OPERATOR_API}/municipalities`, { method: 'POST', body: parsed.data }));
      setName('');
      setAdminUsername('');
      onCreated();
      return result;
    });
  }

  return (
    <section aria-labelledby="new-municipality-heading" className="panel narrow">
      <h2 id="new-municipality-heading">{t('operator.newHeading')}</h2>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('operator.name')} name="municipality-name" value={name} onChange={setName} autoComplete="off" error={errors.name} />
        <TextInput
          label={t('operator.adminUsername')}
          name="admin-username"
          value={adminUsername}
          onChange={setAdminUsername}
          autoComplete="off"
          description={t('operator.adminUsernameHint')}
          error={errors.adminUsername}
        />
        <FailureNotice failure={failure} />
        <Button type="submit" className="button primary">
          {t('operator.create')}
        </Button>
      </Form>
      <div role="status">
        {created ? (
          <p className="one-time-password">
            {t('operator.created', { name: created.name, username: created.adminUsername })} <code>{created.password}</code>
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** `mustChangePassword`: the operator's password was set by someone else and should be replaced; `onPasswordChanged` clears that. */
export function OperatorPage({ mustChangePassword, onPasswordChanged }: { readonly mustChangePassword: boolean; readonly onPasswordChanged: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const list = useApiData('operator-municipalities', async () => listSchema.parse(await requestJson(`${OPERATOR_API}/municipalities`)));
  const count = (n: number | null) => (n === null ? t('operator.under10') : formatNumber(n, i18n.language));
  return (
    <>
      <PageHeading title={t('operator.title')}>{t('operator.title')}</PageHeading>
      <p>{t('operator.intro')}</p>
      <LoadState result={list.result} onRetry={list.reload} />
      {list.result.data ? (
        <table className="data-table">
          <caption>{t('operator.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.municipality')}</th>
              <th scope="col">{t('operator.coordinators')}</th>
              <th scope="col">{t('operator.rounds')}</th>
              <th scope="col">{t('operator.responses')}</th>
              <th scope="col">{t('operator.sharing')}</th>
            </tr>
          </thead>
          <tbody>
            {list.result.data.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{formatNumber(m.coordinators, i18n.language)}</td>
                <td>{t('operator.roundCounts', { rounds: m.rounds, closed: m.closedRounds })}</td>
                <td>{count(m.responses)}</td>
                <td>{m.sharesComparison ? t('operator.sharesYes') : t('operator.sharesNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NewMunicipalityForm onCreated={list.reload} />
      <section aria-labelledby="own-password-heading" className="panel narrow">
        <h2 id="own-password-heading">{t('password.title')}</h2>
        <PasswordForm mustChange={mustChangePassword} onChanged={onPasswordChanged} />
      </section>
    </>
  );
}
