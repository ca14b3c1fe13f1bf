import { useTranslation } from 'react-i18next';
import { useStore } from '../../../lib/store';
import { useQueue } from '../../incident/hooks/useQueue';
import { IntakeQueue } from '../../intake/components/IntakeQueue';
import { ShortcutHint } from '../../intake/components/ShortcutHint';
import { useShelters, useTeams, useWarehouses } from '../../resources/api/resourceQueries';
import { ShelterList } from '../../resources/components/ShelterList';
import { TeamList } from '../../resources/components/TeamList';
import { WarehouseList } from '../../resources/components/WarehouseList';
import { PANEL_TABS, panelTabStore, type PanelTab } from '../panelStore';

function useTabCounts(): Record<PanelTab, number | undefined> {
  const { items } = useQueue();
  return {
    intake: items.length,
    teams: useTeams().data?.length,
    warehouses: useWarehouses().data?.length,
    shelters: useShelters().data?.length,
  };
}

/** 接警 / 队伍 / 仓库 / 避难场所 tabs. */
export function SidePanel() {
  const { t } = useTranslation();
  const tab = useStore(panelTabStore);
  const counts = useTabCounts();
  const { unacked } = useQueue();
  return (
    <section className="side-panel" data-testid="side-panel">
      <nav className="tabs" role="tablist">
        {PANEL_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            data-testid={`tab-${id}`}
            onClick={() => panelTabStore.set(id)}
          >
            {t(`panel.${id}`)}
            {counts[id] !== undefined && <span className="tab-count">{counts[id]}</span>}
            {id === 'intake' && unacked.length > 0 && <span className="tab-alert">{unacked.length}</span>}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'intake' && <IntakeQueue />}
        {tab === 'teams' && <TeamList />}
        {tab === 'warehouses' && <WarehouseList />}
        {tab === 'shelters' && <ShelterList />}
      </div>
      <ShortcutHint />
    </section>
  );
}
