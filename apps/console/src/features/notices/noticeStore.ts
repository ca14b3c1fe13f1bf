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
}

const LIFE_MS: Record<NoticeKind, number | null> = { info: 8000, success: 8000, error: null };
/** More would cover the queue; the oldest go first. */
const MAX_SHOWN = 5;

export const noticeStore = createStore<DeskNotice[]>([]);
let nextId = 1;

export function pushNotice(kind: NoticeKind, text: string): number {
  const id = nextId++;
  noticeStore.set((list) => [...list, { id, kind, text }].slice(-MAX_SHOWN));
  const life = LIFE_MS[kind];
  if (life !== null) setTimeout(() => dismissNotice(id), life);
  return id;
}

export function dismissNotice(id: number): void {
  noticeStore.set((list) => (list.some((n) => n.id === id) ? list.filter((n) => n.id !== id) : list));
}

export function clearNotices(): void {
  noticeStore.set([]);
}
