import type { LngLat } from '@beacon/domain';
import { mapStore } from './mapStore';

/** Centres the map on a point (used by every list: click a row, see it on the map). */
export function flyTo(target: LngLat | null | undefined, zoom = 14): void {
  const map = mapStore.get();
  if (!map || !target) return;
  map.flyTo({ center: [target.lng, target.lat], zoom: Math.max(map.getZoom(), zoom), speed: 1.6, essential: true });
}
