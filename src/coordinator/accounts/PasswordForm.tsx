/** The form that changes one's own password (the server checks length and common passwords); used by coordinators and operators. */
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, passwordChangeSchema } from '../../shared/coordinatorApi.ts';
import { API_BASE, requestJson } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { TextInput } from '../ui/TextInput.tsx';

export function PasswordForm({ mustChange, onChanged }: { readonly mustChange: boolean; readonly onChanged: () => void }) {
  const { t } = useTranslation(NS);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const parsed = passwordChangeSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success || newPassword.length < MIN_PASSWORD_LENGTH) {
      setError(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    setError(undefined);
    try {
      await requestJson(`${API_BASE}/password`, { method: 'POST', body: parsed.data });
      setCurrent('');
      setNew('');
      setSaved(t('password.saved'));
      onChanged();
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <>
      <p>{mustChange ? t('password.mustChange') : t('password.intro')}</p>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('password.current')} name="current-password" type="password" value={currentPassword} onChange={setCurrent} autoComplete="current-password" />
        <TextInput
          label={t('password.new')}
          name="new-password"
          type="password"
          value={newPassword}
          onChange={setNew}
          autoComplete="new-password"
          description={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          error={error}
        />
        <FailureNotice failure={failure} />
        <p role="status">{saved}</p>
        <Button type="submit" className="button primary">
          {t('password.submit')}
        </Button>
      </Form>
    </>
  );
}
