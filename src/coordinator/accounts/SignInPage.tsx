/** Sign-in with username and password; password managers and paste work, and a wrong login is said plainly. */
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { accountSchema, loginRequestSchema, type Account } from '../../shared/coordinatorApi.ts';
import { apiSend, failureMessage } from '../api.ts';
import { NS } from '../i18n.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { TextInput } from '../ui/TextInput.tsx';

export interface SignInPageProps {
  /** Why the session could not be checked (e.g. the server is down), if that is why this page shows. */
  readonly notice?: string | undefined;
  readonly onSignedIn: (account: Account) => void;
}

export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation(NS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setErrors({
        ...(username.trim() === '' ? { username: t('signIn.usernameRequired') } : {}),
        ...(password === '' ? { password: t('signIn.passwordRequired') } : {}),
      });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      onSignedIn(await apiSend('POST', '/login', parsed.data, accountSchema));
    } catch (error) {
      setFailure(failureMessage(error));
      setBusy(false);
    }
  }

  return (
    <section className="panel narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {notice ? <p className="notice warning">{notice}</p> : null}
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput
          label={t('signIn.username')}
          name="username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          error={errors.username}
        />
        <TextInput
          label={t('signIn.password')}
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={errors.password}
        />
        <div role="alert" className="form-alert">
          {failure ? <p className="notice error">{failure}</p> : null}
        </div>
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </Button>
      </Form>
    </section>
  );
}
