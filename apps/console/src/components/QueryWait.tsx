import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/**
 * What a query without data is doing: loading, or waiting for the network (offline nothing is asked).
 * Nothing for a query not asked at all (disabled: the caller says why) or one that failed (ErrorMessage).
 */
export function QueryWait({ query }: { query: Pick<UseQueryResult, 'data' | 'isPending' | 'fetchStatus'> }) {
  const { t } = useTranslation();
  if (query.data !== undefined || !query.isPending || query.fetchStatus === 'idle') return null;
  // Offline a query is paused, not loading: saying "loading" for ever, or "none", would mislead.
  if (query.fetchStatus === 'paused') {
    return (
      <div className="muted" data-testid="query-offline">
        {t('common.offlineWaiting')}
      </div>
    );
  }
  return <div className="muted">{t('common.loading')}</div>;
}
