/** Staff type the round's tablet code once; the app fetches the round. */
import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface RoundSummary {
  municipality: { name: string };
  round: { name: string };
}

export function TabletSetup() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState<RoundSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '') {
      setError(t('setup.codeRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/rounds/${encodeURIComponent(code.trim())}`, {
        headers: { 'Accept-Language': document.documentElement.lang },
      });
      const body: unknown = await response.json();
      if (!response.ok) {
        const code = (body as { error?: { code?: string } }).error?.code ?? 'internal';
        setError(t(`apiErrors.${code}`));
        return;
      }
      setRound(body as RoundSummary);
    } catch {
      setError(t('apiErrors.internal'));
    } finally {
      setBusy(false);
    }
  }

  if (round) {
    return (
      <section aria-labelledby="setup-title" className="panel">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p role="status">{t('setup.ready', { round: round.round.name, municipality: round.municipality.name })}</p>
        <Button className="button" onPress={() => setRound(null)}>
          {t('setup.change')}
        </Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="setup-title" className="panel">
      <h1 id="setup-title">{t('setup.title')}</h1>
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
        <Button type="submit" className="button primary" isPending={busy}>
          {busy ? t('setup.loading') : t('setup.submit')}
        </Button>
      </Form>
    </section>
  );
}
