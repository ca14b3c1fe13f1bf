import { useTranslation } from 'react-i18next';
import type { IntakeCallResponse } from '@beacon/domain';
import { showsReasonDetail } from '../../incident/serverWords';
import { useIncidentTitle } from '../../incident/hooks/useIncidentTitle';
import { useQueue } from '../../incident/hooks/useQueue';
import { useIncidentDetail } from '../../incident/api/incidentQueries';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useMay } from '../../auth/session';
import { useAckAction } from '../../incident/hooks/useAckAction';
import { openIncident } from '../../incident/selection';
import { isOpen as isOpenIncident, isUnacked } from '../../incident/model';

/** After submit: was the call linked to an existing incident, and why. */
export function LinkResult({ result, onOpen, onAnother, onClose }: { result: IntakeCallResponse; onOpen: () => void; onAnother: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const titleOf = useIncidentTitle();
  const r = result.linkReason;
  // From the open queue; once it has left it (merged, closed) from its own record, so the result still names it.
  const queued = useQueue().items.find((i) => i.id === result.incidentId);
  const detail = useIncidentDetail(queued ? null : result.incidentId);
  const incident = queued ?? detail.data;
  // The officer who took the call has seen it: its acknowledgement is one press here, not a search in the queue.
  const ack = useAckAction(result.incidentId);
  const mayAck = useMay('acknowledge');
  return (
    <div className="link-result" data-testid="manual-call-result" data-linked={result.linked ? 'true' : 'false'}>
      {result.linked ? (
        <>
          <div className="result-head linked">{t('intake.linkedHead')}</div>
          {r && (
            <ul className="result-reason">
              <li>
                {t('intake.rule')}: {t(`linkRule.${r.rule}`)}
              </li>
              {r.distanceM !== undefined && <li>{t('call.distance', { m: Math.round(r.distanceM) })}</li>}
              {r.minutes !== undefined && <li>{t('call.minutes', { min: Math.round(r.minutes * 10) / 10 })}</li>}
              {showsReasonDetail(r, i18n.language) && <li>{r.detail}</li>}
            </ul>
          )}
        </>
      ) : (
        <div className="result-head created">{t('intake.createdHead')}</div>
      )}
      <ErrorMessage error={ack.error} />
      {incident && (
        <div className="result-incident">
          <span className="mono">{incident.code}</span> {titleOf(incident)}
          {!isOpenIncident(incident) && (
            <span className="muted" data-testid="manual-call-result-status">
              {' · '}
              {t(`incident.status.${incident.status}`)}
            </span>
          )}
          {incident.mergedInto && (
            <button type="button" className="btn btn-xs" onClick={() => openIncident(incident.mergedInto!)}>
              {t('incident.openMergeTarget')}
            </button>
          )}
        </div>
      )}
      <div className="form-buttons">
        {incident && isUnacked(incident) && mayAck && (
          <button type="button" className="btn btn-ack" data-testid="manual-call-ack" disabled={ack.disabled} onClick={ack.acknowledge}>
            {ack.busyLabel ?? t('incident.acknowledge')}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onOpen}>
          {t('intake.openIncident')}
        </button>
        <button type="button" className="btn" onClick={onAnother}>
          {t('intake.another')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
