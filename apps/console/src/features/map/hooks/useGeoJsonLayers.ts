import { useEffect } from 'react';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from '@beacon/domain';
import { LAYER_ORDER, type LayerGroup } from '../mapStore';
import { useLayerVisibility, useMap } from './useMap';

export type GeoJsonLayer = LayerSpecification & { source: string };

export interface GeoJsonLayerSet {
  sourceId: string;
  group: LayerGroup | null;
  data: FeatureCollection | null | undefined;
  /** Must be stable (module constant or memoised): layers are added once. */
  layers: readonly GeoJsonLayer[];
}

function beforeIdFor(map: MapLibreMap, id: string): string | undefined {
  const order: readonly string[] = LAYER_ORDER;
  const idx = order.indexOf(id);
  if (idx < 0) return undefined;
  return order.slice(idx + 1).find((later) => map.getLayer(later) !== undefined);
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** MapLibre types its data with the GeoJSON spec types; our FeatureCollection has the same shape. */
type SourceData = Parameters<GeoJSONSource['setData']>[0];
const asSourceData = (fc: FeatureCollection): SourceData => fc as unknown as SourceData;

/**
 * The one way a feature puts data on the map: a GeoJSON source plus its layers, kept in the
 * console's z-order, fed with new data on every change and hidden by the layer switcher.
 */
export function useGeoJsonLayers({ sourceId, group, data, layers }: GeoJsonLayerSet): void {
  const map = useMap();
  const visibility = useLayerVisibility();
  const visible = group === null ? true : visibility[group];

  useEffect(() => {
    if (!map) return;
    if (!map.getSource(sourceId)) {
      map.addSource(sourceId, { type: 'geojson', data: asSourceData(EMPTY), promoteId: 'id' });
    }
    for (const layer of layers) {
      if (!map.getLayer(layer.id)) map.addLayer(layer, beforeIdFor(map, layer.id));
    }
    return () => {
      if (!map.style) return;
      for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    };
  }, [map, sourceId, layers]);

  useEffect(() => {
    if (!map) return;
    const source = map.getSource<GeoJSONSource>(sourceId);
    void source?.setData(asSourceData(data ?? EMPTY));
  }, [map, sourceId, data, layers]);

  useEffect(() => {
    if (!map) return;
    for (const layer of layers) {
      if (map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
    }
  }, [map, layers, visible]);
}
