import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { payloadField, type GradeBasis, type IncidentHistoryEntry, type LinkReason } from '@beacon/domain';
import { correctionParts } from '../../correctionText';
import { formatClock } from '../../../../lib/time';
import { actorText } from '../../actorText';
import { gradeBasisText, linkReasonText, recordedReasonText } from '../../serverWords';
import { openIncident } from '../../selection';
import { NODE_MARKERS, interpolateNodes } from '../../../../lib/interpolateNodes';


function str(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** Another incident named in the history (merged in or into, split off): a click opens it, merged or not. */
function IncidentLink({ id, children }: { id: string; children?: ReactNode }) {
  return (
    <button type="button" className="incident-link mono" data-testid="history-incident-link" data-incident-id={id} onClick={() => openIncident(id)}>
      {children}
    </button>
  );
}

/** The history sentence `key`, its {{target}} the incident's code as a link to it (plain text without an id). */
function useLinked() {
  const { t } = useTranslation();
  return (key: string, id: string | null, code: string): ReactNode => {
    const [marker] = NODE_MARKERS;
    return interpolateNodes(t(key, { target: marker }), { [marker]: id ? <IncidentLink id={id}>{code}</IncidentLink> : code });
  };
}

/** One readable line per state change: what changed, from → to, and the stated reason. */
function useSummary(history: IncidentHistoryEntry[]) {
  const { t, i18n } = useTranslation();
  const linked = useLinked();
  return (e: IncidentHistoryEntry): ReactNode[] => {
    const p = e.payload;
    const parts: ReactNode[] = [];
    const from = payloadField(p, 'from');
    const to = payloadField(p, 'to');
    if (e.type === 'incident.status_changed') {
      if (str(from) && str(to)) parts.push(`${t(`incident.status.${str(from)}`)} → ${t(`incident.status.${str(to)}`)}`);
    } else if (e.type === 'incident.grade_raised' || e.type === 'incident.grade_changed') {
      parts.push(`${t(`grade.short.${str(from) ?? 'none'}`)} → ${t(`grade.short.${str(to) ?? 'none'}`)}`);
      const basis = payloadField(p, 'basis') as GradeBasis | undefined;
      const basisText = basis ? gradeBasisText(t, i18n.language, basis) : null;
      if (basisText) parts.push(basisText);
    } else if (e.type === 'incident.grade_raise_seen') {
      // Names the raise seen, when it is in this history.
      const raise = history.find((h) => h.seq === Number(payloadField(p, 'raiseSeq')));
      if (raise) parts.push(t('history.raiseSeen', { from: t(`grade.short.${str(payloadField(raise.payload, 'from')) ?? 'none'}`), to: t(`grade.short.${str(payloadField(raise.payload, 'to')) ?? 'none'}`) }));
    } else if (e.type === 'incident.ack_overdue') {
      const target = str(payloadField(p, 'target'));
      if (target) parts.push(t(`incident.escalated.${target === 'leader' ? 'leader' : 'shiftLeader'}`));
    } else if (e.type === 'incident.created' && str(payloadField(p, 'splitFrom'))) {
      // Split out of another incident: where from (a link back); the reason follows below.
      const from = str(payloadField(p, 'splitFrom'))!;
      parts.push(linked('history.splitFrom', from, str(payloadField(p, 'splitFromCode')) ?? from));
    } else if (e.type === 'call.received' || e.type === 'call.linked' || e.type === 'incident.created') {
      const call = payloadField(p, 'call');
      const source = str(payloadField(call, 'source'));
      if (source) parts.push(t(`source.${source}`));
      const linkReason = payloadField(call, 'linkReason') as LinkReason | null | undefined;
      if (linkReason?.rule) parts.push(linkReasonText(t, i18n.language, linkReason));
    } else if (e.type === 'incident.merged') {
      const into = str(payloadField(p, 'into'));
      const from = str(payloadField(p, 'from'));
      if (into) parts.push(linked('history.into', into, str(payloadField(p, 'intoCode')) ?? into));
      if (from) parts.push(linked('history.from', from, str(payloadField(p, 'fromCode')) ?? from));
      if (from && payloadField(p, 'ackTakenFromSource') === true) parts.push(linked('history.ackTakenFrom', from, str(payloadField(p, 'fromCode')) ?? from));
    } else if (e.type === 'incident.unmerged') {
      const from = str(payloadField(p, 'from'));
      const restored = str(payloadField(p, 'restored'));
      if (from) parts.push(linked('history.unmergedFrom', from, str(payloadField(p, 'fromCode')) ?? from));
      if (restored) parts.push(linked('history.restored', restored, str(payloadField(p, 'restoredCode')) ?? restored));
    } else if (e.type === 'call.split') {
      const to = str(payloadField(p, 'to'));
      if (to) parts.push(linked('history.splitTo', to, str(payloadField(p, 'toCode')) ?? to));
    } else if (e.type === 'incident.updated') {
      const changed = payloadField(p, 'changed');
      const before = payloadField(p, 'before');
      const corrections = before && typeof before === 'object' ? correctionParts(t, before as Record<string, unknown>, payloadField(p, 'incident')) : [];
      if (corrections.length) parts.push(...corrections);
      // Events from before corrections kept what fields were (or with nothing to say from → to): which ones changed.
      else if (Array.isArray(changed) && changed.length) parts.push(changed.map((c) => t(`field.${String(c)}`, { defaultValue: String(c) })).join(t('common.listSeparator')));
    }
    const reason = str(payloadField(p, 'reason'));
    if (reason) parts.push(t('history.reason', { reason: recordedReasonText(t, i18n.language, reason) }));
    return parts;
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
          <span className="history-actor">{actorText(t, e.actor)}</span>
          <span className="history-detail">
            {summary(e).map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                {part}
              </Fragment>
            ))}
          </span>
        </li>
      ))}
    </ol>
  );
}
