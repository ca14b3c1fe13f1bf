import type { TFunction } from 'i18next';
import { payloadField, type LngLat } from '@beacon/domain';
import { formatLngLat } from '../map/geojson';

/** A corrected field's value as the history says it ('—' for none). */
function fieldValue(t: TFunction, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'category') return t(`category.${String(v)}`, { defaultValue: String(v) });
  if (field === 'type') return t(`type.${String(v)}`, { defaultValue: String(v) });
  if (field === 'location' && typeof v === 'object' && 'lng' in v && 'lat' in v) return formatLngLat(v as LngLat);
  if (typeof v === 'number') return v.toLocaleString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** "类型：工矿商贸 → —" for each corrected field, figures one by one, from what it was to what the event made it. */
export function correctionParts(t: TFunction, before: Record<string, unknown>, after: unknown): string[] {
  const parts: string[] = [];
  for (const [field, was] of Object.entries(before)) {
    if (field === 'figures' && was && typeof was === 'object') {
      for (const [k, old] of Object.entries(was)) {
        const now = payloadField(payloadField(after, 'figures'), k);
        parts.push(t('history.change', { field: t(`figures.${k}`, { defaultValue: k }), from: fieldValue(t, k, old), to: fieldValue(t, k, now) }));
      }
      continue;
    }
    const now = field === 'location' ? payloadField(after, 'location') : payloadField(after, field);
    parts.push(t('history.change', { field: t(`field.${field}`, { defaultValue: field }), from: fieldValue(t, field, was), to: fieldValue(t, field, now) }));
  }
  return parts;
}
