/**
 * Staff type the round's tablet code once; the round is fetched and stored
 * for offline use, with visible progress while its pictures and sound are
 * stored and a clear error if storing fails. Plain HTML form controls: a
 * new tablet's first screen does not wait for react-aria (nor spend its main
 * thread evaluating it after the first paint).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaProgress } from '../storage/mediaCache.ts';
import { fetchRoundConfig, setUpTablet } from '../storage/roundStore.ts';
import { LanguageChoice } from '../survey/LanguageChoice.tsx';
import { useServices } from '../survey/services.ts';

/** A fresh tablet's set-up page speaks the helper's written standard. */
const SETUP_LANGUAGES = ['nb', 'nn'] as const;

export function TabletSetup() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<MediaProgress | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    document.title = `${t('setup.title')} – ${t('app.name')}`;
  }, [t]);

  // On opening only: choosing a language keeps focus where it is (WCAG 3.2.2).
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '') {
      setError(t('setup.codeRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await fetchAndStore();
    setBusy(false);
    setProgress(null);
    if (problem) setError(problem);
  }

  /** Fetches and stores the round; returns what went wrong, or null once the tablet is set up. */
  async function fetchAndStore(): Promise<string | null> {
    const result = await fetchRoundConfig(code, i18n.language);
    if (!result.ok) {
      return result.errorCode === 'offline' ? t('setup.fetchFailed') : t(`apiErrors.${result.errorCode}`, { defaultValue: t('apiErrors.internal') });
    }
    if (result.config.kind !== 'tablet' || !result.config.questionnaires.some((q) => q.audience === 'respondent')) return t('setup.noQuestionnaire');
    if (result.config.round.status !== 'open') return t('setup.notOpen');
    try {
      await setUpTablet(db, result.config, setProgress);
      return null;
    } catch {
      return t('setup.storeFailed');
    }
  }

  return (
    <section aria-labelledby="setup-title" className="panel setup">
      <h1 id="setup-title" ref={headingRef} tabIndex={-1}>
        {t('setup.title')}
      </h1>
      <LanguageChoice label={t('setup.language')} languages={SETUP_LANGUAGES} value={i18n.language === 'nn' ? 'nn' : 'nb'} />
      <p>{t('setup.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('setup.codeLabel')}</label>
          <input
            id={`${id}-code`}
            name="code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setError(null);
            }}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? `${id}-description ${id}-error` : `${id}-description`}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <span id={`${id}-description`} className="field-description">
            {t('setup.codeDescription')}
          </span>
          {error !== null && (
            <span id={`${id}-error`} className="form-error">
              {error}
            </span>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('setup.loading') : t('setup.submit')}
        </button>
        <p role="status" className="setup-progress">
          {progress && progress.total > 0 ? t('setup.caching', { done: progress.done, total: progress.total }) : null}
        </p>
      </form>
    </section>
  );
}
