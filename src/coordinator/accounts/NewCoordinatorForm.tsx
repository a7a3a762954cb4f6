/** Adds a coordinator: a username (the municipality's suffix is added) and a password of at least 12 characters (no other rules), optionally as administrator. */
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { coordinatorSchema, MIN_PASSWORD_LENGTH, newCoordinatorSchema } from '../../shared/coordinatorApi.ts';
import { API_BASE, requestJson } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { TextInput } from '../ui/TextInput.tsx';
import { useSession } from '../session.ts';
import { useSubmission } from '../ui/useSubmission.ts';

type FieldErrors = { username?: string; password?: string };

export function NewCoordinatorForm({ onAdded }: { readonly onAdded: () => void }) {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const { error: errors = {}, failure, saved: added, refuse, send } = useSubmission<FieldErrors>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = newCoordinatorSchema.safeParse({ username, password, isAdmin });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      refuse({
        ...(fields.has('username') ? { username: t('coordinators.errors.username') } : {}),
        ...(fields.has('password') ? { password: t('coordinators.errors.password', { min: MIN_PASSWORD_LENGTH }) } : {}),
      });
      return;
    }
    await send(async () => {
      const created = coordinatorSchema.parse(await requestJson(`${API_BASE}/coordinators`, { method: 'POST', body: parsed.data }));
      setUsername('');
      setPassword('');
      setIsAdmin(false);
      onAdded();
      return t('coordinators.added', { username: created.username });
    });
  }

  return (
    <section aria-labelledby="add-coordinator-heading" className="panel narrow">
      <h2 id="add-coordinator-heading">{t('coordinators.addHeading')}</h2>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput
          label={t('coordinators.username')}
          name="username"
          value={username}
          onChange={setUsername}
          autoComplete="off"
          description={t('coordinators.usernameHint', { example: `${username.trim().toLowerCase() || 'kari'}@${me.municipality.usernameSuffix}` })}
          error={errors.username}
        />
        <TextInput
          label={t('coordinators.password')}
          name="new-password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          description={t('coordinators.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={errors.password}
        />
        <Checkbox isSelected={isAdmin} onChange={setIsAdmin} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          {t('coordinators.makeAdmin')}
        </Checkbox>
        <FailureNotice failure={failure} />
        <p role="status">{added}</p>
        <Button type="submit" className="button primary">
          {t('coordinators.add')}
        </Button>
      </Form>
    </section>
  );
}
