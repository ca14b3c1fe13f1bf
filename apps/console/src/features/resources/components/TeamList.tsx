import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_STATUSES, type TeamDto, type TeamStatus } from '@beacon/domain';
import { DataAge } from '../../../components/DataAge';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useStore } from '../../../lib/store';
import { useMay } from '../../auth/session';
import { useWriteState, variablesWith } from '../../connection/pendingActions';
import { focusStore } from '../../panel/panelStore';
import { useTeams, useUpdateTeam } from '../api/resourceQueries';
import { teamStaleAfter } from '../staleness';
import { ResourceRow } from './ResourceRow';

const STATUS_RANK: Record<TeamStatus, number> = { on_scene: 0, en_route: 1, dispatched: 2, returning: 3, available: 4, unavailable: 5 };

function TeamStatusSelect({ team }: { team: TeamDto }) {
  const { t } = useTranslation();
  const update = useUpdateTeam();
  // From the mutation cache: a change withdrawn from the offline queue frees the select.
  const write = useWriteState('team', variablesWith('id', team.id));
  return (
    <div className="row-actions" onClick={(e) => e.stopPropagation()}>
      <label>
        {t('team.setStatus')}{' '}
        <select
          value={team.status}
          disabled={write.pending}
          onChange={(e) => update.mutate({ id: team.id, body: { status: e.target.value as TeamStatus } })}
        >
          {TEAM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`team.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={update.error} />
    </div>
  );
}

export function TeamList() {
  const { t } = useTranslation();
  const teams = useTeams();
  const focus = useStore(focusStore);
  const mayUpdate = useMay('updateTeam');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<TeamStatus | ''>('');

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (teams.data ?? [])
      .filter((tm) => (!status || tm.status === status) && (!q || tm.name.toLowerCase().includes(q) || tm.specialty.toLowerCase().includes(q)))
      .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name, 'zh-CN'));
  }, [teams.data, filter, status]);

  const counts = useMemo(() => {
    const c: Partial<Record<TeamStatus, number>> = {};
    for (const tm of teams.data ?? []) c[tm.status] = (c[tm.status] ?? 0) + 1;
    return c;
  }, [teams.data]);

  return (
    <div className="list-wrap" data-testid="team-list">
      <div className="list-tools">
        <input className="input-sm" placeholder={t('common.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <select className="input-sm" value={status} onChange={(e) => setStatus(e.target.value as TeamStatus | '')}>
          <option value="">{t('common.all')} ({teams.data?.length ?? 0})</option>
          {TEAM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`team.status.${s}`)} ({counts[s] ?? 0})
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={teams.error} />
      {teams.isLoading && <div className="list-empty">{t('common.loading')}</div>}
      <ul className="rows">
        {rows.map((tm) => (
          <ResourceRow key={tm.id} focus={{ kind: 'team', id: tm.id }} location={tm.location} testId="team-row">
            <div className="row-main">
              <span className={`status-dot team-${tm.status}`} aria-hidden />
              <span className="row-title">{tm.name}</span>
              <span className={`badge team-badge team-${tm.status}`} data-testid="team-status" data-status={tm.status}>
                {t(`team.status.${tm.status}`)}
              </span>
            </div>
            <div className="row-sub">
              <span>{t(`team.kind.${tm.kind}`)}</span>
              <span>{t(`team.specialty.${tm.specialty}`, { defaultValue: tm.specialty })}</span>
              <span>{t('team.headcount', { count: tm.headcount })}</span>
              {tm.rating !== null && <span>{t('team.rating', { rating: tm.rating })}</span>}
              <DataAge at={tm.updatedAt} staleAfterS={teamStaleAfter(tm)} />
            </div>
            {mayUpdate && focus?.kind === 'team' && focus.id === tm.id && <TeamStatusSelect team={tm} />}
          </ResourceRow>
        ))}
      </ul>
    </div>
  );
}
