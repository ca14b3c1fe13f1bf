import type { Mutation, QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { formatLngLat } from '../map/geojson';
import { actionOf, incidentCodeIn, incidentOf } from './pendingActions';

/** What a queued write does, as the officer reads it: 确认 INC-20261125-0009, 人工接警：东门. */
export function describeWrite(t: TFunction, qc: QueryClient, m: Mutation<unknown, Error, unknown, unknown>): string {
  const action = actionOf(m);
  const variables = m.state.variables;
  if (action === 'manualCall') {
    const call = (variables ?? {}) as { address?: string; location?: { lng: number; lat: number } };
    const place = call.address ?? (call.location ? formatLngLat(call.location) : '');
    return t('queued.action.manualCall', { place });
  }
  if (action === null) return t('queued.action.other');
  const id = incidentOf(variables, action);
  const code = id ? (incidentCodeIn(qc, id) ?? '') : '';
  const what = t(`queued.action.${action}`, { code }).trim();
  // Two waiting changes of one incident are told apart by where they take it.
  const to = (variables ?? {}) as { to?: string; grade?: string | null };
  if (action === 'transition' && to.to) return `${what} → ${t(`incident.status.${to.to}`)}`;
  if (action === 'grade' && to.grade !== undefined) return `${what} → ${t(`grade.short.${to.grade ?? 'none'}`)}`;
  return what;
}
