import { useTranslation } from 'react-i18next';
import type { IncidentHistoryEntry } from '@beacon/domain';
import { formatClock } from '../../../../lib/time';

function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

function str(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** One readable line per state change: what changed, from → to, and the stated reason. */
function useSummary(history: IncidentHistoryEntry[]) {
  const { t } = useTranslation();
  return (e: IncidentHistoryEntry): string => {
    const p = e.payload;
    const parts: string[] = [];
    const from = get(p, 'from');
    const to = get(p, 'to');
    if (e.type === 'incident.status_changed') {
      if (str(from) && str(to)) parts.push(`${t(`incident.status.${str(from)}`)} → ${t(`incident.status.${str(to)}`)}`);
    } else if (e.type === 'incident.grade_raised' || e.type === 'incident.grade_changed') {
      parts.push(`${t(`grade.short.${str(from) ?? 'none'}`)} → ${t(`grade.short.${str(to) ?? 'none'}`)}`);
      const basisReason = str(get(get(p, 'basis'), 'reason'));
      if (basisReason) parts.push(basisReason);
    } else if (e.type === 'incident.grade_raise_seen') {
      // Names the raise seen, when it is in this history.
      const raise = history.find((h) => h.seq === Number(get(p, 'raiseSeq')));
      if (raise) parts.push(t('history.raiseSeen', { from: t(`grade.short.${str(get(raise.payload, 'from')) ?? 'none'}`), to: t(`grade.short.${str(get(raise.payload, 'to')) ?? 'none'}`) }));
    } else if (e.type === 'incident.ack_overdue') {
      const target = str(get(p, 'target'));
      if (target) parts.push(t(`incident.escalated.${target === 'leader' ? 'leader' : 'shiftLeader'}`));
    } else if (e.type === 'call.received' || e.type === 'call.linked' || e.type === 'incident.created') {
      const call = get(p, 'call');
      const source = str(get(call, 'source'));
      if (source) parts.push(t(`source.${source}`));
      const detail = str(get(get(call, 'linkReason'), 'detail'));
      if (detail) parts.push(detail);
    } else if (e.type === 'incident.merged') {
      const into = str(get(p, 'intoCode')) ?? str(get(p, 'into'));
      const from = str(get(p, 'fromCode')) ?? str(get(p, 'from'));
      if (into) parts.push(t('history.into', { target: into }));
      if (from) parts.push(t('history.from', { target: from }));
    } else if (e.type === 'call.split') {
      const to = str(get(p, 'toCode')) ?? str(get(p, 'to'));
      if (to) parts.push(t('history.splitTo', { target: to }));
    } else if (e.type === 'incident.updated') {
      const changed = get(p, 'changed');
      if (Array.isArray(changed) && changed.length) parts.push(changed.map((c) => t(`field.${String(c)}`, { defaultValue: String(c) })).join('、'));
    }
    const reason = str(get(p, 'reason'));
    if (reason) parts.push(t('history.reason', { reason }));
    return parts.join(' · ');
  };
}

export function HistoryList({ history }: { history: IncidentHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const summary = useSummary(history);
  const sorted = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="history" data-testid="history">
      {sorted.map((e) => (
        <li key={e.seq}>
          <span className="history-time mono">{formatClock(e.at, i18n.language)}</span>
          <span className="history-type">{t(`event.${e.type}`, { defaultValue: e.type })}</span>
          <span className="history-actor">{e.actor.name ?? t(`actor.${e.actor.type}`, { defaultValue: e.actor.type })}</span>
          <span className="history-detail">{summary(e)}</span>
        </li>
      ))}
    </ol>
  );
}
