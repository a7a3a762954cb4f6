/** The form that changes one's own password (the server checks length and common passwords); used by coordinators and operators. */
import { useState, type FormEvent } from 'react';
import { useSubmission } from '../ui/useSubmission.ts';
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
  const { error, failure, saved, refuse, send } = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = passwordChangeSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success || newPassword.length < MIN_PASSWORD_LENGTH) {
      refuse(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    await send(async () => {
      await requestJson(`${API_BASE}/password`, { method: 'POST', body: parsed.data });
      setCurrent('');
      setNew('');
      onChanged();
      return t('password.saved');
    });
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
