import { QueryClient } from '@tanstack/react-query';
import { NO_GRADE_RAISE_ALERTS, emptyFigures, type EventEnvelope, type GradeRaiseAlerts, type IncidentDto } from '@beacon/domain';
import { applyEvent } from '../../connection/applyEvent';
import { gradeRaiseKeys } from './gradeRaises';

const incident = (over: Partial<IncidentDto> = {}): IncidentDto => ({
  id: 'a', code: 'INC-20261125-0001', title: '齐都街道 火灾', status: 'reported', category: 'ACCIDENT', type: 'fire',
  grade: 'III', gradeBasis: null, location: null, address: null, jurisdictionId: 'j1', figures: emptyFigures(),
  sources: ['119'], callCount: 2, createdAt: '2026-11-25T00:00:00Z', lastCallAt: '2026-11-25T00:00:00Z', acknowledgedAt: null, acknowledgedBy: null,
  ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 2, ...over,
});
const envelope = (seq: number, type: string, payload: Record<string, unknown>): EventEnvelope => ({
  seq, type, at: '2026-11-25T08:00:00+08:00', aggregate: { type: 'incident', id: 'a' }, jurisdictionId: 'j1', actor: { type: 'user', id: 'u2', name: '值班长 李娜' }, payload,
});
const state = (qc: QueryClient) => qc.getQueryData<GradeRaiseAlerts>(gradeRaiseKeys.outstanding);
const alerts = (qc: QueryClient) => state(qc)?.alerts;
const loaded = () => {
  const qc = new QueryClient();
  qc.setQueryData<GradeRaiseAlerts>(gradeRaiseKeys.outstanding, NO_GRADE_RAISE_ALERTS);
  return qc;
};

describe('grade-raise alerts in the query cache, fed by the event log', () => {
  it('before the first load keeps only what an event ended, as stale data, so the load still happens', () => {
    const qc = new QueryClient();
    applyEvent(qc, envelope(4, 'incident.updated', { incident: incident(), changed: [] }));
    expect(state(qc)).toBeUndefined();
    applyEvent(qc, envelope(6, 'incident.grade_raise_seen', { incident: incident(), raiseSeq: 5, by: '值班长 李娜' }));
    expect(state(qc)).toEqual({ alerts: [], seenUpTo: { a: 5 }, closedAtVersion: {}, lowered: {} });
    expect(qc.getQueryState(gradeRaiseKeys.outstanding)?.dataUpdatedAt).toBe(0);
  });

  it('starts an alert at a raise and ends it on every desk when someone marks it seen', () => {
    const qc = loaded();
    applyEvent(qc, envelope(5, 'incident.grade_raised', { incident: incident(), from: 'IV', to: 'III', basis: {} }));
    expect(alerts(qc)).toEqual([expect.objectContaining({ seq: 5, cause: 'figures', from: 'IV', to: 'III' })]);
    applyEvent(qc, envelope(6, 'incident.grade_raise_seen', { incident: incident(), raiseSeq: 5, by: '值班长 李娜' }));
    expect(alerts(qc)).toEqual([]);
  });

  it('ends an alert when its incident is closed', () => {
    const qc = loaded();
    applyEvent(qc, envelope(5, 'incident.grade_raised', { incident: incident(), from: 'IV', to: 'III', basis: {} }));
    applyEvent(qc, envelope(9, 'incident.status_changed', { incident: incident({ status: 'closed', version: 5 }), from: 'controlled', to: 'closed', reason: '处置完毕' }));
    expect(alerts(qc)).toEqual([]);
  });

  it('asks the server again after an undone merge, which can bring an unseen raise back', () => {
    const qc = loaded();
    applyEvent(qc, envelope(9, 'incident.unmerged', { incident: incident({ version: 7 }), mergeId: 'm', from: 'b', reason: '误合并' }));
    expect(qc.getQueryState(gradeRaiseKeys.outstanding)?.isInvalidated).toBe(true);
  });

  it('is not refetched by what refetches the incident views (a linked call)', () => {
    const qc = loaded();
    applyEvent(qc, envelope(9, 'call.linked', { incident: incident({ version: 7 }) }));
    expect(qc.getQueryState(gradeRaiseKeys.outstanding)?.isInvalidated).toBe(false);
  });
});
