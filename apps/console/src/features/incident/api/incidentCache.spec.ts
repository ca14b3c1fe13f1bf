import { QueryClient } from '@tanstack/react-query';
import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { upsertIncident } from './incidentCache';
import { incidentKeys } from './keys';

const incident = (id: string, over: Partial<IncidentDto> = {}): IncidentDto => ({
  id, code: `INC-${id}`, title: id, status: 'reported', category: 'NATURAL', type: 'flood', grade: null, gradeBasis: null, location: null, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['110'], callCount: 1, createdAt: '2026-11-25T00:00:00Z', lastCallAt: '2026-11-25T00:00:00Z', acknowledgedAt: null,
  acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1, ...over,
});

describe('an incident event in the cache', () => {
  it('keeps a search hit current, but does not add to a search what it did not find', () => {
    const qc = new QueryClient();
    const key = incidentKeys.search('东苑路');
    qc.setQueryData(key, [incident('a'), incident('b')]);
    upsertIncident(qc, incident('a', { status: 'merged', grade: 'II', version: 3 }));
    upsertIncident(qc, incident('c', { version: 1 }));
    const hits = qc.getQueryData<IncidentDto[]>(key)!;
    expect(hits.map((i) => [i.id, i.status, i.grade])).toEqual([['a', 'merged', 'II'], ['b', 'reported', null]]);
  });

  it('never puts an older version of a hit over a newer one', () => {
    const qc = new QueryClient();
    const key = incidentKeys.search('INC-a');
    qc.setQueryData(key, [incident('a', { status: 'responding', version: 5 })]);
    upsertIncident(qc, incident('a', { status: 'acknowledged', version: 4 }));
    expect(qc.getQueryData<IncidentDto[]>(key)![0]!.status).toBe('responding');
  });

  it('drops a merged incident from the open queue and puts a new one in it', () => {
    const qc = new QueryClient();
    qc.setQueryData(incidentKeys.list(), [incident('a'), incident('b')]);
    upsertIncident(qc, incident('a', { status: 'merged', version: 2 }));
    upsertIncident(qc, incident('c'));
    expect(qc.getQueryData<IncidentDto[]>(incidentKeys.list())!.map((i) => i.id).sort()).toEqual(['b', 'c']);
  });
});
