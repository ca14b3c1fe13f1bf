import { useTranslation } from 'react-i18next';

/** What a query without data is doing: loading, or waiting for the network (offline, nothing is asked). */
export function QueryWait({ query }: { query: { data: unknown; isPending: boolean; fetchStatus: string } }) {
  const { t } = useTranslation();
  if (query.data !== undefined || !query.isPending) return null;
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
