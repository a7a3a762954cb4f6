/**
 * What the person sees when a part of the app cannot be shown: a screen
 * whose code could not be fetched (a lazy chunk, on a phone or tablet that
 * lost its connection before the service worker held the app) or that
 * failed while rendering. Without it React would leave an empty page.
 * It says in plain words what happened, that answers already given are
 * kept on the device (drafts are stored as they are given), and offers
 * "Prøv igjen", which loads the page again: a failed import of a module
 * is not retried by the browser, and everything worth keeping is in the
 * device database, not in memory.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface LoadFailureBoundaryProps {
  readonly children: ReactNode;
  /** The survey's parts say that answers given are kept on the device; the coordinator's pages do not. */
  readonly answersKept: boolean;
  /** Loads the page again; a test gives its own. */
  readonly onRetry?: () => void;
}

interface State {
  readonly failure: 'load' | 'render' | null;
}

/** A module that could not be fetched, as Chromium, Firefox and Safari word it. */
function isLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|importing a module script failed|error loading dynamically imported module|failed to fetch/i.test(message);
}

export class LoadFailureBoundary extends Component<LoadFailureBoundaryProps, State> {
  override state: State = { failure: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: isLoadFailure(error) ? 'load' : 'render' };
  }

  override render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    return <LoadFailure failure={failure} answersKept={this.props.answersKept} onRetry={this.props.onRetry ?? (() => window.location.reload())} />;
  }
}

function LoadFailure({ failure, answersKept, onRetry }: { failure: 'load' | 'render'; answersKept: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice warning load-failure" role="alert">
      <h1>{t('app.failure.title')}</h1>
      <p>{failure === 'load' ? t('app.failure.load') : t('app.failure.render')}</p>
      {answersKept && <p>{t('app.failure.answersKept')}</p>}
      <button type="button" className="button primary" onClick={onRetry}>
        {t('app.failure.retry')}
      </button>
    </div>
  );
}
