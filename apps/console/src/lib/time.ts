/** Age of a timestamp in whole seconds relative to `now` (never negative). */
export function ageSeconds(iso: string | null | undefined, now: number): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.round((now - t) / 1000));
}

/**
 * A source's own time, as China's call centres write it: UTC+08:00, with the year (it may be far from
 * today). Not the browser's zone: for a date before 1928 that would be Shanghai's local mean time
 * (+08:05:43), and a source's 08:00 would read 08:05:43.
 */
export function formatSourceTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')} +08:00`;
}

export function formatClock(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(locale, { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
