/**
 * What a page shows while its data loads or when loading failed: a status
 * line, or the error with a retry button. An error code that describes a
 * state rather than a failure (results not made yet) can be given a calm
 * notice of its own instead, without the alarm and the retry button.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import type { ApiData } from '../useApiData.ts';

export interface LoadStateProps {
  readonly result: ApiData<unknown>;
  readonly onRetry: () => void;
  /** What to show, per error code, instead of the error. */
  readonly notices?: Readonly<Record<string, ReactNode>>;
}

export function LoadState({ result, onRetry, notices = {} }: LoadStateProps) {
  const { t } = useTranslation(NS);
  if (result.state === 'ready') return null;
  if (result.state === 'loading') {
    return (
      <p role="status" className="load-state">
        {t('common.loading')}
      </p>
    );
  }
  const notice = Object.hasOwn(notices, result.code) ? notices[result.code] : undefined;
  if (notice !== undefined) {
    return (
      <div role="status" className="notice">
        {notice}
      </div>
    );
  }
  return (
    <div role="alert" className="notice error">
      <p>{result.message}</p>
      <Button className="button" onPress={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
