import type { StyleSpecification } from 'maplibre-gl';

/** Fonts drawn locally for every label: no glyph server, works offline. */
export const LOCAL_CJK_FONTS = "'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif";

/** A plain dark background; towns and roads come from the API as GeoJSON layers. No glyphs, no sprites, no tiles. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'beacon-dark',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1220' } }],
  };
}

export const COLORS = {
  grade: { I: '#ff2d2d', II: '#ff8c1a', III: '#ffd21a', IV: '#2f8cff', none: '#9aa4b2' },
  team: {
    available: '#2ecc71',
    dispatched: '#ff9f1a',
    en_route: '#ffd21a',
    on_scene: '#ff4d4d',
    returning: '#3fb8ff',
    unavailable: '#6b7280',
  },
  /** The ring of an incident whose acknowledgement is overdue (escalated): unlike any grade or team colour. */
  ackOverdue: '#ff4fd8',
  warehouse: '#b38cff',
  shelter: { open: '#22d3a6', full: '#ff6b6b', closed: '#6b7280' },
} as const;

/**
 * Font stack for symbol layers. Without a glyphs URL MapLibre draws every glyph locally with
 * this stack as the CSS font-family, so Chinese and Latin labels share one typeface.
 */
export const MAP_TEXT_FONT = ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC'];
