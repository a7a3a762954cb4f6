/**
 * The bar under every page: Tilbake, Hopp over and Gå til neste (or the
 * page's own last button). With an answer chosen, "Hopp over" first asks
 * whether to remove it, naming the answer, so a chosen answer is never
 * lost without the person seeing it. Memoised, each button too: the survey
 * passes stable handlers, and "Hopp over" reads the chosen answer when it
 * is pressed, so a tap on an answer re-renders nothing here. The buttons
 * are plain HTML buttons (src/survey/PlainButton.tsx): a tap on one runs
 * no press-state renders and no pointer bookkeeping before its click, and
 * the page move starts at once.
 */
import { memo, useState } from 'react';
import { PlainButton } from './PlainButton.tsx';
import { useTranslation } from 'react-i18next';
import { useConfirmDialog } from './useConfirmDialog.tsx';

export interface NavigationBarProps {
  readonly onBack?: (() => void) | undefined;
  readonly onSkip?: (() => void) | undefined;
  /** The label of the answer chosen on this page, if any, read when "Hopp over" is pressed: skipping it then asks first. */
  readonly chosenAnswer?: (() => string | undefined) | undefined;
  readonly onNext?: (() => void) | undefined;
  /** Replaces "Gå til neste", e.g. "Ferdig" or "Send svarene". */
  readonly nextLabel?: string | undefined;
  readonly busy?: boolean;
}

export const NavigationBar = memo(function NavigationBar({ onBack, onSkip, chosenAnswer, onNext, nextLabel, busy = false }: NavigationBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="survey-nav" aria-label={t('survey.navigation')}>
      {onBack ? <BackButton onBack={onBack} busy={busy} /> : <span className="nav-spacer" />}
      {onSkip && <SkipButton onSkip={onSkip} chosenAnswer={chosenAnswer} busy={busy} />}
      {onNext && <NextButton onNext={onNext} nextLabel={nextLabel} busy={busy} />}
    </nav>
  );
});

const BackButton = memo(function BackButton({ onBack, busy }: { onBack: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <PlainButton className="nav-button nav-back" onPress={onBack} isDisabled={busy}>
      <span aria-hidden="true" className="nav-arrow">←</span> {t('survey.back')}
    </PlainButton>
  );
});

const SkipButton = memo(function SkipButton({ onSkip, chosenAnswer, busy }: { onSkip: () => void; chosenAnswer: (() => string | undefined) | undefined; busy: boolean }) {
  const { t } = useTranslation();
  // The answer named in the question, as it was when the dialog opened.
  const [asked, setAsked] = useState('');
  const { triggerProps, dialog } = useConfirmDialog({
    title: t('survey.skipTitle'),
    text: t('survey.skipText', { answer: asked }),
    confirmLabel: t('survey.skipConfirm'),
    cancelLabel: t('survey.skipCancel'),
    onConfirm: onSkip,
  });
  function press() {
    const answer = chosenAnswer?.();
    if (answer === undefined) {
      onSkip();
      return;
    }
    setAsked(answer);
    triggerProps.onPress();
  }
  return (
    <>
      <PlainButton
        className="nav-button nav-skip"
        onPress={press}
        isDisabled={busy}
        aria-expanded={triggerProps['aria-expanded'] || undefined}
        aria-controls={triggerProps['aria-controls']}
      >
        {t('survey.skip')} <span aria-hidden="true" className="nav-arrow">↷</span>
      </PlainButton>
      {dialog}
    </>
  );
});

const NextButton = memo(function NextButton({ onNext, nextLabel, busy }: { onNext: () => void; nextLabel: string | undefined; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <PlainButton className="nav-button nav-next" onPress={onNext} isDisabled={busy}>
      {nextLabel ?? t('survey.next')} <span aria-hidden="true" className="nav-arrow">→</span>
    </PlainButton>
  );
});
