import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_SOURCES, MAX_DELIVERY_DELAY_S, sourceClockSkew, type CallDto, type IncidentHistoryEntry, type LinkReason } from '@beacon/domain';
import { formatClock, formatSourceTime } from '../../../../lib/time';
import { mergedInFrom } from '../../callProvenance';
import { linkReasonParts, recordedReasonText, showsReasonDetail } from '../../serverWords';
import { SourceBadge } from '../Badges';
import { SplitForm } from './SplitForm';

/** Why the call is here. One that came with a merge says so: its own reason (or first-call mark) is about the incident it came from. */
function LinkReasonLine({ reason, mergedFrom }: { reason: LinkReason | null; mergedFrom: string | undefined }) {
  const { t, i18n } = useTranslation();
  const merged = mergedFrom && (
    <div className="call-link" data-testid="call-merged-from">
      <span className="link-tag">{t('call.mergedIn')}</span> {t('call.mergedFrom', { code: mergedFrom })}
    </div>
  );
  if (!reason) {
    return (
      <>
        {merged}
        {/* Which incident it opened is not known here (merges may have chained): that it opened another one is. */}
        <div className="call-link muted">{mergedFrom ? t('call.firstCallOf') : t('call.firstCall')}</div>
      </>
    );
  }
  const parts = linkReasonParts(t, reason);
  return (
    <>
      {merged}
      <div className="call-link" data-testid="link-reason">
        <span className="link-tag">{t('call.linked')}</span> {mergedFrom ? `${mergedFrom}: ` : ''}
        {parts.join(' · ')}
        {showsReasonDetail(reason, i18n.language) && <span className="muted"> — {recordedReasonText(t, i18n.language, reason.detail)}</span>}
      </div>
    </>
  );
}

function casualtyText(c: CallDto['casualties'], t: (k: string) => string): string | null {
  if (!c) return null;
  const parts = Object.entries(c)
    .filter(([, v]) => typeof v === 'number' && v > 0)
    .map(([k, v]) => `${t(`figures.${k}`)} ${v}`);
  return parts.length ? parts.join(t('common.listSeparator')) : null;
}

/** A call whose source time was not believable (ahead of ours, or older than a late delivery): officers see the source's own time and that ours was kept. */
function ClockSkewLine({ call }: { call: CallDto }) {
  const { t } = useTranslation();
  if (!call.reportedReceivedAt) return null;
  const skew = sourceClockSkew(new Date(call.receivedAt), new Date(call.reportedReceivedAt));
  const span = t(`call.skewSpan.${skew.unit}`, { count: skew.amount });
  return (
    <div className="call-line warn" data-testid="clock-skew">
      {t(skew.ahead ? 'call.clockAhead' : 'call.clockBehind', { span, reported: formatSourceTime(call.reportedReceivedAt), days: MAX_DELIVERY_DELAY_S / 86_400 })}
    </div>
  );
}

/** The incident's calls grouped by source, each with why it was linked and a split action. */
export function CallList({ calls, history, canSplit }: { calls: CallDto[]; history: IncidentHistoryEntry[]; canSplit: boolean }) {
  const { t, i18n } = useTranslation();
  const mergedIn = mergedInFrom(history);
  const [splitting, setSplitting] = useState<string | null>(null);
  const groups = CALL_SOURCES.map((s) => ({ source: s, calls: calls.filter((c) => c.source === s) })).filter((g) => g.calls.length > 0);

  return (
    <div className="call-groups" data-testid="call-list">
      {groups.map((g) => (
        <div className="call-group" key={g.source}>
          <div className="call-group-head">
            <SourceBadge source={g.source} /> <span className="muted">{t('incident.callCount', { count: g.calls.length })}</span>
          </div>
          <ul>
            {g.calls.map((c) => {
              const cas = casualtyText(c.casualties, t);
              return (
                <li className="call" key={c.id} data-testid="call-item">
                  <div className="call-head">
                    {/* A manual call's id is the console's UUID: what matters is who entered it (in the history). */}
                    {c.source === 'manual' ? <span title={c.externalId}>{t('call.manualEntry')}</span> : <span className="mono">{c.externalId}</span>}
                    <span className="muted">{formatClock(c.receivedAt, i18n.language)}</span>
                    {canSplit && splitting !== c.id && (
                      <button type="button" className="btn btn-xs" data-testid="split-button" onClick={() => setSplitting(c.id)}>
                        {t('action.split')}
                      </button>
                    )}
                  </div>
                  <ClockSkewLine call={c} />
                  {(c.caller?.name || c.caller?.phone) && (
                    <div className="call-line">
                      {t('call.caller')}: {[c.caller?.name, c.caller?.phone].filter(Boolean).join(' ')}
                    </div>
                  )}
                  {c.address && <div className="call-line">{c.address}</div>}
                  {c.type && <div className="call-line muted">{t(`type.${c.type}`)}</div>}
                  {c.description && <div className="call-desc">{c.description}</div>}
                  {cas && <div className="call-line casualty">{cas}</div>}
                  {c.location?.accuracyM !== undefined && <div className="call-line muted">{t('call.accuracy', { m: c.location.accuracyM })}</div>}
                  <LinkReasonLine reason={c.linkReason} mergedFrom={mergedIn.get(c.id)} />
                  {splitting === c.id && <SplitForm call={c} onDone={() => setSplitting(null)} />}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
