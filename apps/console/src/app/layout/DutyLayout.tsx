import { AlarmBanner } from '../../features/intake/components/AlarmBanner';
import { ManualCallForm } from '../../features/intake/components/ManualCallForm';
import { useAlarmDriver } from '../../features/intake/hooks/useAlarmDriver';
import { useAlarmState } from '../../features/intake/hooks/useAlarmState';
import { useShortcuts } from '../../features/intake/hooks/useShortcuts';
import { incidentSelectionStore } from '../../features/incident/selection';
import { useStore } from '../../lib/store';
import { IncidentDrawer } from '../../features/incident/components/drawer/IncidentDrawer';
import { LayerSwitcher } from '../../features/map/components/LayerSwitcher';
import { MapView } from '../../features/map/components/MapView';
import { SidePanel } from '../../features/panel/components/SidePanel';
import { MapLayers } from './MapLayers';
import { Header } from './Header';

/** The duty officer's screen: header, alarm banner, side panel, map with drawers over it. */
export function DutyLayout() {
  useAlarmDriver();
  useShortcuts();
  const { on } = useAlarmState();
  const { drawerOpen } = useStore(incidentSelectionStore);
  return (
    <div className="app" data-testid="app-root" data-alarm={on ? 'on' : 'off'}>
      <Header />
      <AlarmBanner />
      <main className="workspace">
        <SidePanel />
        <div className="map-area" data-drawer={drawerOpen ? 'open' : 'closed'}>
          <MapView>
            <MapLayers />
            <LayerSwitcher />
          </MapView>
          <ManualCallForm />
          <IncidentDrawer />
        </div>
      </main>
    </div>
  );
}
