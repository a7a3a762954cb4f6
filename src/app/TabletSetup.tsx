/** Staff type the round's tablet code once; the round is fetched and stored for offline use. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fetchRoundConfig, setUpTablet } from '../storage/roundStore.ts';
import { useServices } from '../survey/services.ts';

export function TabletSetup() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('setup.title')} – ${t('app.name')}`;
    headingRef.current?.focus();
  }, [t]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '') {
      setError(t('setup.codeRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await fetchRoundConfig(code, i18n.language);
    setBusy(false);
    if (!result.ok) {
      setError(result.errorCode === 'offline' ? t('setup.fetchFailed') : t(`apiErrors.${result.errorCode}`, { defaultValue: t('apiErrors.internal') }));
      return;
    }
    if (result.config.kind !== 'tablet' || !result.config.questionnaires.some((q) => q.audience === 'respondent')) {
      setError(t('setup.noQuestionnaire'));
      return;
    }
    if (result.config.round.status !== 'open') {
      setError(t('setup.notOpen'));
      return;
    }
    await setUpTablet(db, result.config);
  }

  return (
    <section aria-labelledby="setup-title" className="panel setup">
      <h1 id="setup-title" ref={headingRef} tabIndex={-1}>
        {t('setup.title')}
      </h1>
      <p>{t('setup.intro')}</p>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextField
          name="code"
          value={code}
          onChange={(value) => {
            setCode(value);
            setError(null);
          }}
          isInvalid={error !== null}
          autoComplete="off"
          className="field"
        >
          <Label>{t('setup.codeLabel')}</Label>
          <Input autoCapitalize="characters" spellCheck={false} />
          <Text slot="description">{t('setup.codeDescription')}</Text>
          <FieldError>{error}</FieldError>
        </TextField>
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('setup.loading') : t('setup.submit')}
        </Button>
      </Form>
    </section>
  );
}
