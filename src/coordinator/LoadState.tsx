/** What a page shows while its data loads or when loading failed: a status line, or the error with a retry button. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import type { ApiData } from './useApiData.ts';

export interface LoadStateProps {
  readonly result: ApiData<unknown>;
  readonly onRetry: () => void;
}

export function LoadState({ result, onRetry }: LoadStateProps) {
  const { t } = useTranslation(NS);
  if (result.state === 'ready') return null;
  if (result.state === 'loading') {
    return (
      <p role="status" className="load-state">
        {t('common.loading')}
      </p>
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
