import { useTranslation } from 'react-i18next';
import { payloadField, type IncidentHistoryEntry } from '@beacon/domain';
import { formatClock } from '../../../../lib/time';


function str(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** One readable line per state change: what changed, from → to, and the stated reason. */
function useSummary(history: IncidentHistoryEntry[]) {
  const { t } = useTranslation();
  return (e: IncidentHistoryEntry): string => {
    const p = e.payload;
    const parts: string[] = [];
    const from = payloadField(p, 'from');
    const to = payloadField(p, 'to');
    if (e.type === 'incident.status_changed') {
      if (str(from) && str(to)) parts.push(`${t(`incident.status.${str(from)}`)} → ${t(`incident.status.${str(to)}`)}`);
    } else if (e.type === 'incident.grade_raised' || e.type === 'incident.grade_changed') {
      parts.push(`${t(`grade.short.${str(from) ?? 'none'}`)} → ${t(`grade.short.${str(to) ?? 'none'}`)}`);
      const basisReason = str(payloadField(payloadField(p, 'basis'), 'reason'));
      if (basisReason) parts.push(basisReason);
    } else if (e.type === 'incident.grade_raise_seen') {
      // Names the raise seen, when it is in this history.
      const raise = history.find((h) => h.seq === Number(payloadField(p, 'raiseSeq')));
      if (raise) parts.push(t('history.raiseSeen', { from: t(`grade.short.${str(payloadField(raise.payload, 'from')) ?? 'none'}`), to: t(`grade.short.${str(payloadField(raise.payload, 'to')) ?? 'none'}`) }));
    } else if (e.type === 'incident.ack_overdue') {
      const target = str(payloadField(p, 'target'));
      if (target) parts.push(t(`incident.escalated.${target === 'leader' ? 'leader' : 'shiftLeader'}`));
    } else if (e.type === 'call.received' || e.type === 'call.linked' || e.type === 'incident.created') {
      const call = payloadField(p, 'call');
      const source = str(payloadField(call, 'source'));
      if (source) parts.push(t(`source.${source}`));
      const detail = str(payloadField(payloadField(call, 'linkReason'), 'detail'));
      if (detail) parts.push(detail);
    } else if (e.type === 'incident.merged') {
      const into = str(payloadField(p, 'intoCode')) ?? str(payloadField(p, 'into'));
      const from = str(payloadField(p, 'fromCode')) ?? str(payloadField(p, 'from'));
      if (into) parts.push(t('history.into', { target: into }));
      if (from) parts.push(t('history.from', { target: from }));
    } else if (e.type === 'call.split') {
      const to = str(payloadField(p, 'toCode')) ?? str(payloadField(p, 'to'));
      if (to) parts.push(t('history.splitTo', { target: to }));
    } else if (e.type === 'incident.updated') {
      const changed = payloadField(p, 'changed');
      if (Array.isArray(changed) && changed.length) parts.push(changed.map((c) => t(`field.${String(c)}`, { defaultValue: String(c) })).join('、'));
    }
    const reason = str(payloadField(p, 'reason'));
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
