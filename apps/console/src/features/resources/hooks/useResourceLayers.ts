import { useMemo } from 'react';
import { useNow } from '../../../lib/clock';
import { ageSeconds } from '../../../lib/time';
import { collection, pointFeature } from '../../map/geojson';
import { useGeoJsonLayers } from '../../map/hooks/useGeoJsonLayers';
import { useMapLayerClick } from '../../map/hooks/useMapEvents';
import { focusResource } from '../../panel/panelStore';
import { useShelters, useTeams, useWarehouses } from '../api/resourceQueries';
import { SHELTER_LAYERS, TEAM_LAYERS, WAREHOUSE_LAYERS } from '../layers';
import { teamStaleAfter } from '../staleness';

/** Teams, warehouses and shelters on the map; a click focuses the row in the side panel. */
export function useResourceLayers(): void {
  const teams = useTeams();
  const warehouses = useWarehouses();
  const shelters = useShelters();
  const now = useNow();
  // Staleness only needs minute resolution on the map.
  const minute = Math.floor(now / 60_000);

  const teamData = useMemo(() => {
    const at = minute * 60_000;
    return collection(
      (teams.data ?? []).map((t) =>
        pointFeature(t.id, t.location, {
          name: t.name,
          status: t.status,
          kind: t.kind,
          stale: (ageSeconds(t.updatedAt, at) ?? 0) > teamStaleAfter(t),
        }),
      ),
    );
  }, [teams.data, minute]);

  const warehouseData = useMemo(
    () => collection((warehouses.data ?? []).map((w) => pointFeature(w.id, w.location, { name: w.name }))),
    [warehouses.data],
  );
  const shelterData = useMemo(
    () => collection((shelters.data ?? []).map((s) => pointFeature(s.id, s.location, { name: s.name, status: s.status }))),
    [shelters.data],
  );

  useGeoJsonLayers({ sourceId: 'teams', group: 'teams', data: teamData, layers: TEAM_LAYERS });
  useGeoJsonLayers({ sourceId: 'warehouses', group: 'warehouses', data: warehouseData, layers: WAREHOUSE_LAYERS });
  useGeoJsonLayers({ sourceId: 'shelters', group: 'shelters', data: shelterData, layers: SHELTER_LAYERS });

  useMapLayerClick(['teams-circle'], (f) => focusResource({ kind: 'team', id: String(f.properties.id) }));
  useMapLayerClick(['warehouses-circle'], (f) => focusResource({ kind: 'warehouse', id: String(f.properties.id) }));
  useMapLayerClick(['shelters-circle'], (f) => focusResource({ kind: 'shelter', id: String(f.properties.id) }));
}
