import { createStore } from '../../lib/store';

/**
 * Short messages to the officer that belong to no form: the outcome of a keyboard action, of a write
 * that waited for the network. A failure stays until dismissed (nothing may be missed); the rest fade.
 */
export type NoticeKind = 'info' | 'success' | 'error';

export interface DeskNotice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** What it is about (a write): a later notice about the same thing replaces it ("queued", then "sent"). */
  key: string | null;
}

const LIFE_MS: Record<NoticeKind, number | null> = { info: 8000, success: 8000, error: null };
/** More would cover the map; the oldest that are not failures go first (a failure is never dropped). */
const MAX_SHOWN = 5;

export const noticeStore = createStore<DeskNotice[]>([]);
let nextId = 1;

export function pushNotice(kind: NoticeKind, text: string, key: string | null = null): number {
  const id = nextId++;
  noticeStore.set((list) => withinLimit([...list.filter((n) => key === null || n.key !== key), { id, kind, text, key }]));
  const life = LIFE_MS[kind];
  if (life !== null) setTimeout(() => dismissNotice(id), life);
  return id;
}

function withinLimit(list: DeskNotice[]): DeskNotice[] {
  const out = [...list];
  while (out.length > MAX_SHOWN) {
    const oldest = out.findIndex((n) => n.kind !== 'error');
    if (oldest < 0) break;
    out.splice(oldest, 1);
  }
  return out;
}

export function dismissNotice(id: number): void {
  noticeStore.set((list) => (list.some((n) => n.id === id) ? list.filter((n) => n.id !== id) : list));
}

export function clearNotices(): void {
  noticeStore.set([]);
}
