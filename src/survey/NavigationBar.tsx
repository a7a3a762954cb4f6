/**
 * The bar under every page: Tilbake, Hopp over and Gå til neste (or the
 * page's own last button). With an answer chosen, "Hopp over" first asks
 * whether to remove it, naming the answer, so a chosen answer is never
 * lost without the person seeing it. Memoised: the survey passes stable
 * handlers, so a chosen answer re-renders the bar only when its label changes.
 */
import { memo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton.tsx';

export interface NavigationBarProps {
  readonly onBack?: (() => void) | undefined;
  readonly onSkip?: (() => void) | undefined;
  /** The label of the answer chosen on this page, if any: skipping it then asks first. */
  readonly chosenAnswer?: string | undefined;
  readonly onNext?: (() => void) | undefined;
  /** Replaces "Gå til neste", e.g. "Ferdig" or "Send svarene". */
  readonly nextLabel?: string | undefined;
  readonly busy?: boolean;
}

export const NavigationBar = memo(function NavigationBar({ onBack, onSkip, chosenAnswer, onNext, nextLabel, busy = false }: NavigationBarProps) {
  const { t } = useTranslation();
  const skipLabel = (
    <>
      {t('survey.skip')} <span aria-hidden="true" className="nav-arrow">↷</span>
    </>
  );
  return (
    <nav className="survey-nav" aria-label={t('survey.navigation')}>
      {onBack ? (
        <Button className="nav-button nav-back" onPress={onBack} isDisabled={busy}>
          <span aria-hidden="true" className="nav-arrow">←</span> {t('survey.back')}
        </Button>
      ) : (
        <span className="nav-spacer" />
      )}
      {onSkip && chosenAnswer !== undefined && (
        <ConfirmButton
          className="nav-button nav-skip"
          isDisabled={busy}
          title={t('survey.skipTitle')}
          text={t('survey.skipText', { answer: chosenAnswer })}
          confirmLabel={t('survey.skipConfirm')}
          cancelLabel={t('survey.skipCancel')}
          onConfirm={onSkip}
        >
          {skipLabel}
        </ConfirmButton>
      )}
      {onSkip && chosenAnswer === undefined && (
        <Button className="nav-button nav-skip" onPress={onSkip} isDisabled={busy}>
          {skipLabel}
        </Button>
      )}
      {onNext && (
        <Button className="nav-button nav-next" onPress={onNext} isDisabled={busy}>
          {nextLabel ?? t('survey.next')} <span aria-hidden="true" className="nav-arrow">→</span>
        </Button>
      )}
    </nav>
  );
});
