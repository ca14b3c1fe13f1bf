import type { LngLat } from '@beacon/domain';
import { mapStore } from './mapStore';

interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The panels over the map (the incident drawer on the right, the manual call form on the left) as map
 * padding. MapLibre keeps a camera move's padding for later moves (the zoom buttons zoom about the
 * middle of what is left visible); every flyTo sets it anew, no panel open making it none.
 */
function panelPadding(container: HTMLElement): Padding {
  const area = container.getBoundingClientRect();
  const padding: Padding = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const el of container.closest('.map-area')?.querySelectorAll<HTMLElement>('.drawer, .manual-call') ?? []) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // waiting behind the other panel (display: none)
    if (el.classList.contains('drawer')) padding.right = Math.max(padding.right, area.right - r.left);
    else padding.left = Math.max(padding.left, r.right - area.left);
  }
  // Never more than the map can give: some map must stay in the middle.
  const spare = area.width - 80;
  if (padding.left + padding.right > spare) padding.left = Math.max(0, spare - padding.right);
  return padding;
}

/**
 * Centres the map on a point in the part of the map the panels leave visible (used by every list: click a
 * row, see it on the map). Waits a frame, so a drawer opened by the same click is counted.
 */
export function flyTo(target: LngLat | null | undefined, zoom = 14): void {
  const map = mapStore.get();
  if (!map || !target) return;
  requestAnimationFrame(() => {
    map.flyTo({ center: [target.lng, target.lat], zoom: Math.max(map.getZoom(), zoom), speed: 1.6, essential: true, padding: panelPadding(map.getContainer()) });
  });
}

/** Pans only if the point lies under a panel or off the map (a click on the map itself opened it). */
export function revealOnMap(target: LngLat | null | undefined): void {
  const map = mapStore.get();
  if (!map || !target) return;
  requestAnimationFrame(() => {
    const padding = panelPadding(map.getContainer());
    const { x, y } = map.project([target.lng, target.lat]);
    const { width, height } = map.getContainer().getBoundingClientRect();
    const visible = x >= padding.left + 20 && x <= width - padding.right - 20 && y >= 20 && y <= height - 20;
    if (!visible) map.easeTo({ center: [target.lng, target.lat], padding, duration: 400 });
  });
}
