import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../lib/store';
import { collection } from '../../map/geojson';
import { useGeoJsonLayers } from '../../map/hooks/useGeoJsonLayers';
import { useMap } from '../../map/hooks/useMap';
import { useMapLayerClick } from '../../map/hooks/useMapEvents';
import { revealOnMap } from '../../map/flyTo';
import { INCIDENT_LAYERS, INCIDENTS_SOURCE } from '../layers';
import { incidentFeature } from '../mapFeature';
import { isUnacked } from '../model';
import { revealInQueue } from '../queueFilter';
import { incidentSelectionStore, openIncident } from '../selection';
import { useIncidentTitle } from './useIncidentTitle';
import { useQueue } from './useQueue';

/** Open incidents on the map by grade; unacknowledged ones larger, pulsing and named at every zoom; overdue ones ringed apart. */
export function useIncidentLayers(): void {
  const { items } = useQueue();
  const { selectedId } = useStore(incidentSelectionStore);
  // Labelled as the cards are, in the console's language (Beacon derives titles in Chinese).
  const titleOf = useIncidentTitle();
  const { t } = useTranslation();

  const data = useMemo(
    () =>
      collection(
        items.flatMap((i) => {
          const feature = incidentFeature(i, { title: titleOf(i), selected: i.id === selectedId, overdueLabel: (title) => t('map.overdueLabel', { title }) });
          return feature ? [feature] : [];
        }),
      ),
    [items, selectedId, titleOf, t],
  );

  useGeoJsonLayers({ sourceId: INCIDENTS_SOURCE, group: 'incidents', data, layers: INCIDENT_LAYERS });
  useMapLayerClick(['incidents-circle', 'incidents-pulse'], (f) => {
    const id = String(f.properties.id);
    const incident = items.find((i) => i.id === id);
    revealInQueue(incident);
    openIncident(id);
    // The drawer it opens must not cover it.
    revealOnMap(incident?.location);
  });
  usePulse(items.some(isUnacked));
}

/**
 * Blinking halo under unacknowledged incidents: two paint states flipped every PERIOD, with no
 * transition, so the map repaints once per flip rather than every frame.
 */
const PULSE_PERIOD_MS = 700;

function usePulse(active: boolean): void {
  const map = useMap();
  useEffect(() => {
    if (!map || !active) return;
    let big = false;
    const flip = () => {
      if (!map.getLayer('incidents-pulse')) return;
      big = !big;
      map.setPaintProperty('incidents-pulse', 'circle-radius', big ? 20 : 13);
      map.setPaintProperty('incidents-pulse', 'circle-opacity', big ? 0.3 : 0.12);
      map.setPaintProperty('incidents-pulse', 'circle-stroke-opacity', big ? 1 : 0.35);
    };
    flip();
    const timer = setInterval(flip, PULSE_PERIOD_MS);
    return () => clearInterval(timer);
  }, [map, active]);
}
