/** The bar under every page: Tilbake, Hopp over and Gå til neste (or the page's own last button). */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface NavigationBarProps {
  readonly onBack?: (() => void) | undefined;
  readonly onSkip?: (() => void) | undefined;
  readonly onNext?: (() => void) | undefined;
  /** Replaces "Gå til neste", e.g. "Ferdig" or "Send svarene". */
  readonly nextLabel?: string | undefined;
  readonly busy?: boolean;
}

export function NavigationBar({ onBack, onSkip, onNext, nextLabel, busy = false }: NavigationBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="survey-nav" aria-label={t('survey.navigation')}>
      {onBack ? (
        <Button className="nav-button nav-back" onPress={onBack} isDisabled={busy}>
          <span aria-hidden="true" className="nav-arrow">←</span> {t('survey.back')}
        </Button>
      ) : (
        <span className="nav-spacer" />
      )}
      {onSkip && (
        <Button className="nav-button nav-skip" onPress={onSkip} isDisabled={busy}>
          {t('survey.skip')} <span aria-hidden="true" className="nav-arrow">↷</span>
        </Button>
      )}
      {onNext && (
        <Button className="nav-button nav-next" onPress={onNext} isDisabled={busy}>
          {nextLabel ?? t('survey.next')} <span aria-hidden="true" className="nav-arrow">→</span>
        </Button>
      )}
    </nav>
  );
}
