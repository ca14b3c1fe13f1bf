import { useTranslation } from 'react-i18next';
import { DataAge } from '../../../components/DataAge';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useShelters } from '../api/resourceQueries';
import { shelterStaleAfter } from '../staleness';
import { ResourceRow } from './ResourceRow';

export function ShelterList() {
  const { t } = useTranslation();
  const shelters = useShelters();
  return (
    <div className="list-wrap" data-testid="shelter-list">
      <ErrorMessage error={shelters.error} />
      {shelters.isLoading && <div className="list-empty">{t('common.loading')}</div>}
      <ul className="rows">
        {(shelters.data ?? []).map((s) => {
          const cap = s.staffedCapacity || s.physicalCapacity;
          const pct = cap > 0 ? Math.round((s.occupancy / cap) * 100) : 0;
          return (
            <ResourceRow key={s.id} focus={{ kind: 'shelter', id: s.id }} location={s.location} testId="shelter-row">
              <div className="row-main">
                <span className={`status-dot shelter-${s.status}`} aria-hidden />
                <span className="row-title">{s.name}</span>
                <span className={`badge shelter-badge shelter-${s.status}`} data-status={s.status}>
                  {t(`shelter.status.${s.status}`)}
                </span>
              </div>
              <div className="row-sub">
                <span>{t(`shelter.class.${s.shelterClass}`)}</span>
                <span title={t('shelter.capacityHint')}>
                  {t('shelter.occupancy', { occupancy: s.occupancy, staffed: s.staffedCapacity, physical: s.physicalCapacity })}
                </span>
                <DataAge at={s.updatedAt} staleAfterS={shelterStaleAfter(s)} />
              </div>
              <div className="meter" aria-hidden>
                <div className={pct >= 90 ? 'meter-fill meter-hot' : 'meter-fill'} style={{ width: `${Math.min(100, pct)}%` }} />
              </div>
            </ResourceRow>
          );
        })}
      </ul>
    </div>
  );
}
