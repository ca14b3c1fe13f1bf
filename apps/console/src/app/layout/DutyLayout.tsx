import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useKeepPendingWrites } from '../../features/connection/hooks/useKeepPendingWrites';
import { reportQueuedOutcomes } from '../../features/connection/queuedOutcomes';
import { DeskNotices } from '../../features/notices/components/DeskNotices';
import { AlarmBanner } from '../../features/intake/components/AlarmBanner';
import { ManualCallForm } from '../../features/intake/components/ManualCallForm';
import { useAlarmDriver } from '../../features/intake/hooks/useAlarmDriver';
import { useAlarmState } from '../../features/intake/hooks/useAlarmState';
import { useNewCallChime } from '../../features/intake/hooks/useNewCallChime';
import { useShortcuts } from '../../features/intake/hooks/useShortcuts';
import { manualCallStore } from '../../features/intake/manualCallStore';
import { frontPanelStore } from '../../features/panel/panelStore';
import { IncidentDrawer } from '../../features/incident/components/drawer/IncidentDrawer';
import { incidentSelectionStore } from '../../features/incident/selection';
import { LayerSwitcher } from '../../features/map/components/LayerSwitcher';
import { MapView } from '../../features/map/components/MapView';
import { SidePanel } from '../../features/panel/components/SidePanel';
import { useStore } from '../../lib/store';
import { Header } from './Header';
import { MapLayers } from './MapLayers';

/** The root element carries data-alarm; its children are passed in, so they do not re-render with it. */
function AlarmRoot({ children }: { children: ReactNode }) {
  const { on } = useAlarmState();
  return (
    <div className="app" data-testid="app-root" data-alarm={on ? 'on' : 'off'}>
      {children}
    </div>
  );
}

/** Sound, title flashing and keyboard shortcuts: behaviour only, renders nothing. */
function DeskBehaviour() {
  useAlarmDriver();
  useShortcuts();
  useNewCallChime();
  useKeepPendingWrites();
  // Each write that waited for the network says how it went once sent.
  const qc = useQueryClient();
  useEffect(() => reportQueuedOutcomes(qc), [qc]);
  return null;
}

function MapArea({ children }: { children: ReactNode }) {
  const { drawerOpen } = useStore(incidentSelectionStore);
  const manualCall = useStore(manualCallStore).open;
  const front = useStore(frontPanelStore);
  return (
    <div className="map-area" data-drawer={drawerOpen ? 'open' : 'closed'} data-manual={manualCall ? 'open' : 'closed'} data-front={front}>
      {children}
    </div>
  );
}

/** The duty officer's screen: header, alarm banner, side panel, map with drawers over it. */
export function DutyLayout() {
  return (
    <AlarmRoot>
      <DeskBehaviour />
      <Header />
      <AlarmBanner />
      <main className="workspace">
        <SidePanel />
        <MapArea>
          <MapView>
            <MapLayers />
            <LayerSwitcher />
          </MapView>
          <ManualCallForm />
          <IncidentDrawer />
          <DeskNotices />
        </MapArea>
      </main>
    </AlarmRoot>
  );
}
