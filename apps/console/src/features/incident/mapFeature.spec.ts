import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { incidentFeature } from './mapFeature';

const incident = (over: Partial<IncidentDto>): IncidentDto => ({
  id: 'i1', code: 'INC-1', title: 't', status: 'reported', category: 'NATURAL', type: 'flood', grade: null, gradeBasis: null, location: { lng: 118, lat: 36.8 }, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['110'], callCount: 1, createdAt: '2026-11-25T00:00:00Z', lastCallAt: '2026-11-25T00:00:00Z', acknowledgedAt: null,
  acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1, ...over,
});
const opts = { title: '东苑路 洪涝', selected: false, overdueLabel: (title: string) => `【超时未确认】${title}` };

describe('an incident on the map', () => {
  it('marks an unacknowledged incident whose acknowledgement is overdue, and labels it so', () => {
    expect(incidentFeature(incident({ ackOverdueLevel: 1 }), opts)?.properties).toMatchObject({ unacked: true, overdue: true, grade: 'none', label: '【超时未确认】东苑路 洪涝' });
    expect(incidentFeature(incident({ ackOverdueLevel: 2, grade: 'III' }), opts)?.properties).toMatchObject({ overdue: true, grade: 'III' });
  });

  it('is not overdue while within its time, nor once acknowledged (the level stays on record)', () => {
    expect(incidentFeature(incident({}), opts)?.properties).toMatchObject({ unacked: true, overdue: false, label: '东苑路 洪涝' });
    const acked = incidentFeature(incident({ status: 'acknowledged', acknowledgedAt: '2026-11-25T00:02:00Z', ackOverdueLevel: 2 }), { ...opts, selected: true });
    expect(acked?.properties).toMatchObject({ unacked: false, overdue: false, label: '东苑路 洪涝', selected: true });
  });

  it('has no feature without a location', () => {
    expect(incidentFeature(incident({ location: null }), opts)).toBeNull();
  });
});
