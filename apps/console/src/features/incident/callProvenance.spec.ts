import type { IncidentHistoryEntry } from '@beacon/domain';
import { mergedInFrom } from './callProvenance';

const entry = (seq: number, type: string, payload: unknown): IncidentHistoryEntry => ({ seq, type, at: '2026-11-25T00:00:00Z', actor: { type: 'user', id: 'u', name: 'x' }, payload });

describe('calls that came in with a merge', () => {
  it('names the incident each came from', () => {
    const history = [
      entry(1, 'incident.created', {}),
      entry(5, 'incident.merged', { from: 'b', fromCode: 'INC-0002', movedCallIds: ['c2', 'c3'] }),
      entry(9, 'incident.merged', { from: 'c', fromCode: 'INC-0003', movedCallIds: ['c4'] }),
    ];
    expect([...mergedInFrom(history)]).toEqual([['c2', 'INC-0002'], ['c3', 'INC-0002'], ['c4', 'INC-0003']]);
  });

  it('ignores the source side of a merge (it names where the calls went), other events and malformed payloads', () => {
    const history = [
      entry(2, 'incident.merged', { into: 'a', intoCode: 'INC-0001', movedCallIds: ['c2'] }),
      entry(3, 'incident.updated', { from: 'x', movedCallIds: ['c9'] }),
      entry(4, 'incident.merged', { from: 'b', movedCallIds: 'c2' }),
      entry(6, 'incident.merged', null),
    ];
    expect(mergedInFrom(history).size).toBe(0);
    expect(mergedInFrom(undefined).size).toBe(0);
  });

  it('takes the latest merge of a call, in log order', () => {
    const history = [
      entry(9, 'incident.merged', { from: 'c', fromCode: 'INC-0003', movedCallIds: ['c2'] }),
      entry(5, 'incident.merged', { from: 'b', fromCode: 'INC-0002', movedCallIds: ['c2'] }),
    ];
    expect(mergedInFrom(history).get('c2')).toBe('INC-0003');
  });
});
