import type { IncidentDto } from '@beacon/domain';
import { mergeTakesAckClock } from './mergeOutcome';

const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 0, 0, s)).toISOString();
const ack = (status: IncidentDto['status'], ackOverdueLevel: number, deadline: number | null) => ({ status, ackOverdueLevel, ackDeadlineAt: deadline === null ? null : at(deadline) });

describe('mergeTakesAckClock', () => {
  it('is true when the merged-away incident waits longer (an earlier deadline or a higher level)', () => {
    expect(mergeTakesAckClock(ack('reported', 0, 30), ack('reported', 0, 50))).toBe(true);
    expect(mergeTakesAckClock(ack('reported', 1, 90), ack('reported', 0, 50))).toBe(true);
  });

  it('is false when the target\'s own clock stands', () => {
    expect(mergeTakesAckClock(ack('reported', 0, 50), ack('reported', 0, 30))).toBe(false);
    expect(mergeTakesAckClock(ack('reported', 1, 90), ack('acknowledged', 0, null))).toBe(false);
    expect(mergeTakesAckClock(ack('acknowledged', 0, null), ack('reported', 0, 50))).toBe(false);
  });
});
