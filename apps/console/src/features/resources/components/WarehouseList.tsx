import { useTranslation } from 'react-i18next';
import { DataAge } from '../../../components/DataAge';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useStore } from '../../../lib/store';
import { focusStore } from '../../panel/panelStore';
import { useWarehouses } from '../api/resourceQueries';
import { STALE_AFTER_S } from '../staleness';
import { ResourceRow } from './ResourceRow';

export function WarehouseList() {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const focus = useStore(focusStore);
  return (
    <div className="list-wrap" data-testid="warehouse-list">
      <ErrorMessage error={warehouses.error} />
      {warehouses.isLoading && <div className="list-empty">{t('common.loading')}</div>}
      <ul className="rows">
        {(warehouses.data ?? []).map((w) => {
          const open = focus?.kind === 'warehouse' && focus.id === w.id;
          return (
            <ResourceRow key={w.id} focus={{ kind: 'warehouse', id: w.id }} location={w.location} testId="warehouse-row">
              <div className="row-main">
                <span className="status-dot warehouse" aria-hidden />
                <span className="row-title">{w.name}</span>
                <span className="badge">{t('warehouse.lines', { count: w.stock.length })}</span>
              </div>
              <div className="row-sub">
                <span>{t('warehouse.stockUpdated')}</span>
                <DataAge at={w.updatedAt} staleAfterS={STALE_AFTER_S.warehouse} />
              </div>
              {open && (
                <table className="stock-table">
                  <thead>
                    <tr>
                      <th>{t('warehouse.code')}</th>
                      <th>{t('warehouse.item')}</th>
                      <th className="num">{t('warehouse.quantity')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.stock.map((line) => (
                      <tr key={line.code}>
                        <td className="mono">{line.code}</td>
                        <td>{line.name}</td>
                        <td className="num">
                          {line.quantity.toLocaleString()} {line.unit}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </ResourceRow>
          );
        })}
      </ul>
    </div>
  );
}
