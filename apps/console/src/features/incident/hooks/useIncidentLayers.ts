import { useEffect, useMemo } from 'react';
import { useStore } from '../../../lib/store';
import { collection, pointFeature } from '../../map/geojson';
import { useGeoJsonLayers } from '../../map/hooks/useGeoJsonLayers';
import { useMap } from '../../map/hooks/useMap';
import { useMapLayerClick } from '../../map/hooks/useMapEvents';
import { INCIDENT_LAYERS, INCIDENTS_SOURCE } from '../layers';
import { isUnacked } from '../model';
import { incidentSelectionStore, openIncident } from '../selection';
import { useQueue } from './useQueue';

/** Open incidents on the map by grade; unacknowledged ones larger and pulsing. */
export function useIncidentLayers(): void {
  const { items } = useQueue();
  const { selectedId } = useStore(incidentSelectionStore);

  const data = useMemo(
    () =>
      collection(
        items.flatMap((i) =>
          i.location
            ? [
                pointFeature(i.id, i.location, {
                  code: i.code,
                  title: i.title,
                  grade: i.grade ?? 'none',
                  unacked: isUnacked(i),
                  selected: i.id === selectedId,
                }),
              ]
            : [],
        ),
      ),
    [items, selectedId],
  );

  useGeoJsonLayers({ sourceId: INCIDENTS_SOURCE, group: 'incidents', data, layers: INCIDENT_LAYERS });
  useMapLayerClick(['incidents-circle', 'incidents-pulse'], (f) => openIncident(String(f.properties.id)));
  usePulse(items.some(isUnacked));
}

function usePulse(active: boolean): void {
  const map = useMap();
  useEffect(() => {
    if (!map || !active) return;
    const started = performance.now();
    const timer = setInterval(() => {
      if (!map.getLayer('incidents-pulse')) return;
      const phase = ((performance.now() - started) % 1400) / 1400;
      map.setPaintProperty('incidents-pulse', 'circle-radius', 10 + phase * 18);
      map.setPaintProperty('incidents-pulse', 'circle-opacity', 0.45 * (1 - phase));
      map.setPaintProperty('incidents-pulse', 'circle-stroke-opacity', 0.9 * (1 - phase));
    }, 60);
    return () => clearInterval(timer);
  }, [map, active]);
}
