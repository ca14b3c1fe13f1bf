import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { NEW_CALL_MARK_MS, compareQueue, hasNewCall } from './model';

const at = (min: number) => new Date(Date.UTC(2026, 10, 25, 12, min)).toISOString();
const incident = (id: string, over: Partial<IncidentDto>): IncidentDto => ({
  id, code: id, title: id, status: 'reported', category: 'ACCIDENT', type: 'fire', grade: null, gradeBasis: null, location: null, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: at(0), lastCallAt: at(0), acknowledgedAt: null,
  acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1, ...over,
});
const order = (list: IncidentDto[]) => [...list].sort(compareQueue).map((i) => i.id);

describe('the queue order', () => {
  it('puts every unacknowledged incident above every acknowledged one', () => {
    const acked = incident('acked', { status: 'acknowledged', createdAt: at(50), lastCallAt: at(59) });
    const waiting = incident('waiting', { createdAt: at(1) });
    expect(order([acked, waiting])).toEqual(['waiting', 'acked']);
  });

  it('lists the unacknowledged most escalated first, the longest overdue first within a level, then the rest newest first', () => {
    const fresh = incident('fresh', { createdAt: at(30) });
    const older = incident('older', { createdAt: at(20) });
    const shiftLeaderCalled = incident('level1', { createdAt: at(10), ackOverdueLevel: 1 });
    const shiftLeaderCalledEarlier = incident('level1-earlier', { createdAt: at(8), ackOverdueLevel: 1 });
    const leaderCalled = incident('level2', { createdAt: at(5), ackOverdueLevel: 2 });
    expect(order([fresh, shiftLeaderCalled, older, leaderCalled, shiftLeaderCalledEarlier])).toEqual(['level2', 'level1-earlier', 'level1', 'fresh', 'older']);
  });

  it('lists the acknowledged by their latest call, so a new call brings an incident up', () => {
    const quiet = incident('quiet', { status: 'responding', createdAt: at(40), lastCallAt: at(41) });
    const calledAgain = incident('called-again', { status: 'acknowledged', createdAt: at(10), lastCallAt: at(45) });
    const sameCall = incident('same-call-newer', { status: 'acknowledged', createdAt: at(42), lastCallAt: at(45) });
    expect(order([quiet, calledAgain, sameCall])).toEqual(['same-call-newer', 'called-again', 'quiet']);
  });
});

describe('a new call on an acknowledged incident', () => {
  const acked = incident('a', { status: 'acknowledged', acknowledgedAt: at(10), lastCallAt: at(12) });
  const last = Date.parse(at(12));
  it('is marked for a few minutes after it came in', () => {
    expect(hasNewCall(acked, last + 1000)).toBe(true);
    expect(hasNewCall(acked, last + NEW_CALL_MARK_MS - 1)).toBe(true);
    expect(hasNewCall(acked, last + NEW_CALL_MARK_MS)).toBe(false);
  });
  it('is not marked when the call came before the acknowledgement, or nothing is acknowledged yet', () => {
    expect(hasNewCall({ ...acked, lastCallAt: at(9) }, last)).toBe(false);
    expect(hasNewCall({ ...acked, lastCallAt: at(10) }, last)).toBe(false);
    expect(hasNewCall({ ...acked, status: 'reported', acknowledgedAt: null }, last)).toBe(false);
  });
});
