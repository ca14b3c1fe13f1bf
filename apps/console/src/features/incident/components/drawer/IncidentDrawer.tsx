import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChangeTargets, type CommandAction, type IncidentDto, type IncidentHistoryEntry } from '@beacon/domain';
import { DataAge } from '../../../../components/DataAge';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { QueryWait } from '../../../../components/QueryWait';
import { useStore } from '../../../../lib/store';
import { useMayDo } from '../../../auth/session';
import { formatClock } from '../../../../lib/time';
import { useAckAction } from '../../hooks/useAckAction';
import { useIncidentDetail } from '../../api/incidentQueries';
import { useIncidentTitle } from '../../hooks/useIncidentTitle';
import { useQueue } from '../../hooks/useQueue';
import { isOpen, isUnacked } from '../../model';
import { closeIncidentDrawer, incidentSelectionStore, openIncident } from '../../selection';
import { AckDeadline } from '../AckDeadline';
import { GradeBadge, SourceBadges, StatusBadge } from '../Badges';
import { NearbyList } from '../NearbyList';
import { CallList } from './CallList';
import { EditForm } from './EditForm';
import { FiguresSection, GradeBasisLine, GradeHintLine } from './FiguresSection';
import { GradeForm } from './GradeForm';
import { HistoryList } from './HistoryList';
import { MergeForm } from './MergeForm';
import { TransitionForm } from './TransitionForm';
import { UnmergeForm } from './UnmergeForm';

/** Display name of whoever acknowledged, from the history (acknowledgedBy is a user id). */
function ackedBy(history: IncidentHistoryEntry[] | undefined): string | null {
  const entry = history?.find((h) => h.type === 'incident.acknowledged');
  if (!entry) return null;
  const by = (entry.payload as { by?: unknown } | null)?.by;
  return typeof by === 'string' ? by : entry.actor.name;
}

/** The incident a split-off incident came from (its creation says so), or null. */
function splitFromOf(history: IncidentHistoryEntry[] | undefined): string | null {
  const created = history?.find((h) => h.type === 'incident.created');
  const from = (created?.payload as { splitFrom?: unknown } | null | undefined)?.splitFrom;
  return typeof from === 'string' ? from : null;
}

type Panel = 'transition' | 'grade' | 'edit' | 'merge' | 'unmerge' | null;

/** The action each panel performs: its button shows only to those who may (ACTION_ROLES). */
const PANEL_ACTION: Record<Exclude<Panel, null>, CommandAction> = { transition: 'transition', grade: 'setGrade', edit: 'editIncident', merge: 'merge', unmerge: 'unmerge' };

function ActionBar({ incident, panel, setPanel, onUndoSplit }: { incident: IncidentDto; panel: Panel; setPanel: (p: Panel) => void; onUndoSplit: (() => void) | null }) {
  const { t } = useTranslation();
  const ack = useAckAction(incident.id);
  const may = useMayDo();
  const merged = incident.status === 'merged' || incident.mergedInto !== null;
  const toggle = (p: Exclude<Panel, null>) => setPanel(panel === p ? null : p);
  // Only what this user's roles may do (ACTION_ROLES): a commander's tablet moves the incident along, no more.
  const btn = (p: Exclude<Panel, null>, label: string) =>
    may(PANEL_ACTION[p]) && (
      <button type="button" className={panel === p ? 'btn btn-sm active' : 'btn btn-sm'} data-testid={`action-${p}`} onClick={() => toggle(p)}>
        {label}
      </button>
    );
  return (
    <>
      <div className="action-bar">
        {isUnacked(incident) && may('acknowledge') && (
          <button type="button" className="btn btn-ack btn-sm" data-testid="drawer-ack-button" disabled={ack.disabled} onClick={ack.acknowledge}>
            {ack.busyLabel ?? <>{t('incident.acknowledge')} <kbd>a</kbd></>}
          </button>
        )}
        {statusChangeTargets(incident.status).length > 0 && btn('transition', t('action.transition'))}
        {/* A merged incident's calls and figures are in the one it was merged into: corrections go there. */}
        {!merged && btn('grade', t('action.setGrade'))}
        {!merged && btn('edit', t('action.edit'))}
        {!merged && btn('merge', t('action.merge'))}
        {merged && btn('unmerge', t('action.unmerge'))}
        {!merged && onUndoSplit && may('merge') && (
          // Undoing a split is merging back into the incident it came from, with a reason, itself undoable.
          <button type="button" className="btn btn-sm" data-testid="action-undo-split" onClick={onUndoSplit}>
            {t('action.undoSplit')}
          </button>
        )}
      </div>
      {isUnacked(incident) && !may('acknowledge') && may('transition') && (
        // A commander's tablet: the status moves on once the desk has acknowledged the incident.
        <div className="muted" data-testid="waits-for-ack">
          {t('action.waitsForAck')}
        </div>
      )}
      <ErrorMessage error={ack.error} />
    </>
  );
}

export function IncidentDrawer() {
  const { t, i18n } = useTranslation();
  const titleOf = useIncidentTitle();
  const { selectedId, drawerOpen } = useStore(incidentSelectionStore);
  const detail = useIncidentDetail(drawerOpen ? selectedId : null);
  const { items } = useQueue();
  const [panel, setPanel] = useState<Panel>(null);
  const [mergeTarget, setMergeTarget] = useState<string | undefined>(undefined);
  const may = useMayDo();

  useEffect(() => {
    setPanel(null);
    setMergeTarget(undefined);
  }, [selectedId]);

  if (!drawerOpen || !selectedId) return null;
  const fromQueue = items.find((i) => i.id === selectedId);
  const incident: IncidentDto | undefined = detail.data ?? fromQueue;

  return (
    <aside className="drawer" data-testid="incident-drawer" data-incident-id={selectedId}>
      <header className="drawer-head">
        <div className="drawer-title">
          <span className="mono muted">{incident?.code}</span>
          <h2>{incident ? titleOf(incident) : t('common.loading')}</h2>
        </div>
        <button type="button" className="btn btn-ghost close" onClick={closeIncidentDrawer} title={`${t('common.close')} (Esc)`}>
          ✕
        </button>
      </header>
      <ErrorMessage error={detail.error} />
      {incident && (
        <div className="drawer-body">
          <div className="drawer-badges">
            <GradeBadge grade={incident.grade} />
            <StatusBadge status={incident.status} />
            <SourceBadges sources={incident.sources} />
            {isUnacked(incident) && <AckDeadline deadline={incident.ackDeadlineAt} level={incident.ackOverdueLevel} />}
          </div>
          <div className="drawer-meta">
            <div>{incident.address ?? t('incident.noAddress')}</div>
            <div className="muted">
              {incident.category ? t(`category.${incident.category}`) : t('common.unspecified')}
              {incident.type ? ` · ${t(`type.${incident.type}`)}` : ''}
              {' · '}
              {t('incident.createdAt')} {formatClock(incident.createdAt, i18n.language)} (<DataAge at={incident.createdAt} />)
              {' · '}
              {t('incident.lastCall')} <DataAge at={incident.lastCallAt} />
            </div>
            {incident.acknowledgedAt && (
              <div className="muted">
                {t('incident.acknowledgedBy', {
                  // The name is in the history; without it (not loaded, offline) no raw user id.
                  who: ackedBy(detail.data?.history) ?? '—',
                  at: formatClock(incident.acknowledgedAt, i18n.language),
                })}
              </div>
            )}
          </div>

          <ActionBar
            incident={incident}
            panel={panel}
            setPanel={setPanel}
            onUndoSplit={(() => {
              const from = isOpen(incident) ? splitFromOf(detail.data?.history) : null;
              return from
                ? () => {
                    setMergeTarget(from);
                    setPanel('merge');
                  }
                : null;
            })()}
          />
          {panel === 'transition' && <TransitionForm incident={incident} onDone={() => setPanel(null)} />}
          {panel === 'grade' && <GradeForm incident={incident} onDone={() => setPanel(null)} />}
          {panel === 'edit' && <EditForm key={incident.id} incident={incident} onDone={() => setPanel(null)} />}
          {panel === 'merge' && <MergeForm key={mergeTarget ?? "none"} incident={incident} initialTarget={mergeTarget} onDone={() => setPanel(null)} />}
          {panel === 'unmerge' && <UnmergeForm incident={incident} onDone={() => setPanel(null)} />}

          <section>
            <h3>{t('incident.gradeSection')}</h3>
            <GradeBasisLine basis={incident.gradeBasis} />
            <GradeHintLine incident={incident} onSetGrade={may('setGrade') ? () => setPanel('grade') : null} />
          </section>
          <section>
            <h3>{t('incident.figures')}</h3>
            <FiguresSection figures={incident.figures} />
          </section>
          <section>
            <h3>
              {t('incident.calls')} ({incident.status === 'merged' ? (detail.data?.calls.length ?? 0) : incident.callCount})
            </h3>
            {incident.status === 'merged' && incident.mergedInto && (
              // Its calls went with the merge: say where, rather than show an empty list under a count.
              <div className="muted" data-testid="calls-merged-into">
                {t('incident.callsMergedInto')}{' '}
                <button type="button" className="btn btn-xs" onClick={() => openIncident(incident.mergedInto!)}>
                  {t('incident.openMergeTarget')}
                </button>
              </div>
            )}
            {detail.data ? <CallList calls={detail.data.calls} history={detail.data.history} canSplit={may('splitCall') && detail.data.calls.length > 1} /> : <QueryWait query={detail} />}
          </section>
          <section>
            <h3>{t('nearby.title')}</h3>
            <NearbyList
              at={incident.location}
              excludeId={incident.id}
              action={
                incident.status !== 'merged' && may('merge')
                  ? {
                      label: t('action.mergeInto'),
                      onClick: (target) => {
                        setMergeTarget(target.id);
                        setPanel('merge');
                      },
                    }
                  : undefined
              }
            />
          </section>
          <section>
            <h3>{t('incident.history')}</h3>
            {detail.data ? <HistoryList history={detail.data.history} /> : <QueryWait query={detail} />}
          </section>
        </div>
      )}
    </aside>
  );
}
