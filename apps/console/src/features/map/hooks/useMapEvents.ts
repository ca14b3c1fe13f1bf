import { useEffect, useId, useRef } from 'react';
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import type { LngLat } from '@beacon/domain';
import { useMap } from './useMap';

/** Which click-targets the pointer is over; any → pointer cursor. */
const hovering = new Set<string>();

/** Click on features of some layers (pointer cursor on hover). The handler may change each render. */
export function useMapLayerClick(layerIds: readonly string[], handler: (feature: MapGeoJSONFeature) => void): void {
  const map = useMap();
  const ref = useRef(handler);
  ref.current = handler;
  const key = layerIds.join('|');
  const hoverId = useId();

  useEffect(() => {
    if (!map) return;
    const ids = key.split('|');
    const hit = (e: MapMouseEvent) => {
      const existing = ids.filter((id) => map.getLayer(id));
      return existing.length === 0 ? undefined : map.queryRenderedFeatures(e.point, { layers: existing })[0];
    };
    const onClick = (e: MapMouseEvent) => {
      // While a location is being picked, a click means "here", not "open that".
      if (map.getContainer().classList.contains('map-picking')) return;
      const feature = hit(e);
      if (feature) ref.current(feature);
    };
    const onMove = (e: MapMouseEvent) => {
      if (hit(e)) hovering.add(hoverId);
      else hovering.delete(hoverId);
      map.getCanvas().style.cursor = hovering.size > 0 ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      hovering.delete(hoverId);
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map, key, hoverId]);
}

/** Any click on the map, e.g. to pick a location. Pass null to stop listening. */
export function useMapClick(handler: ((at: LngLat) => void) | null): void {
  const map = useMap();
  const ref = useRef(handler);
  ref.current = handler;
  const active = handler !== null;

  useEffect(() => {
    if (!map || !active) return;
    const onClick = (e: MapMouseEvent) => ref.current?.({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    const container = map.getContainer();
    // Counted: with two pickers mounted, the first to stop must not end the other's picking mode.
    const pickers = Number(container.dataset.pickers ?? 0) + 1;
    container.dataset.pickers = String(pickers);
    container.classList.add('map-picking');
    map.on('click', onClick);
    return () => {
      const left = Math.max(0, Number(container.dataset.pickers ?? 1) - 1);
      container.dataset.pickers = String(left);
      if (left === 0) container.classList.remove('map-picking');
      map.off('click', onClick);
    };
  }, [map, active]);
}
