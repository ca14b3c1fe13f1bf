import { ackAfterMerge, ackAfterUnmerge, ackAfterUnmergeOfTarget, ackDeadlines, ackEscalation, ackEscalationTarget, nextAckCheckAt, overdueLevelAt } from './ack-deadlines.js';
import { ackPolicyProblems, DEFAULT_ACK_POLICY, type AckPolicy } from './ack-policy.js';

const CREATED = new Date('2026-11-23T08:00:00+08:00');
const at = (seconds: number): Date => new Date(CREATED.getTime() + seconds * 1000);

describe('ackDeadlines', () => {
  it('defaults to 60 s, then 60 s more', () => {
    expect(DEFAULT_ACK_POLICY).toEqual({ firstTimeoutS: 60, secondTimeoutS: 60 });
    expect(ackDeadlines(CREATED)).toEqual({ level1At: at(60), level2At: at(120) });
  });

  it('counts the second timeout from the first deadline', () => {
    expect(ackDeadlines(CREATED, { firstTimeoutS: 90, secondTimeoutS: 30 })).toEqual({ level1At: at(90), level2At: at(120) });
  });
});

describe('overdueLevelAt', () => {
  it.each<[number, number]>([
    [0, 0],
    [59.999, 0],
    [60, 1],
    [119.999, 1],
    [120, 2],
    [3600, 2],
  ])('unacknowledged at +%f s → level %i', (seconds, level) => {
    expect(overdueLevelAt(at(seconds), CREATED, null)).toBe(level);
  });

  it('is 0 once acknowledged, however late', () => {
    expect(overdueLevelAt(at(30), CREATED, at(10))).toBe(0);
    expect(overdueLevelAt(at(500), CREATED, at(300))).toBe(0);
    expect(overdueLevelAt(at(120), CREATED, at(120))).toBe(0);
  });

  it('ignores an acknowledgement that has not happened yet at `now`', () => {
    expect(overdueLevelAt(at(90), CREATED, at(300))).toBe(1);
  });

  it('uses the given policy', () => {
    const slow: AckPolicy = { firstTimeoutS: 300, secondTimeoutS: 600 };
    expect(overdueLevelAt(at(299), CREATED, null, slow)).toBe(0);
    expect(overdueLevelAt(at(300), CREATED, null, slow)).toBe(1);
    expect(overdueLevelAt(at(899), CREATED, null, slow)).toBe(1);
    expect(overdueLevelAt(at(900), CREATED, null, slow)).toBe(2);
  });
});

describe('nextAckCheckAt', () => {
  it('points at the next deadline still ahead', () => {
    expect(nextAckCheckAt(at(0), CREATED, null)).toEqual(at(60));
    expect(nextAckCheckAt(at(60), CREATED, null)).toEqual(at(120));
    expect(nextAckCheckAt(at(120), CREATED, null)).toBeNull();
  });

  it('stops once acknowledged', () => {
    expect(nextAckCheckAt(at(30), CREATED, at(20))).toBeNull();
  });
});

describe('ackEscalationTarget', () => {
  it('alerts the shift leader first, then the leader', () => {
    expect(ackEscalationTarget(1)).toBe('shift_leader');
    expect(ackEscalationTarget(2)).toBe('leader');
  });
});

describe('ackPolicyProblems', () => {
  it('accepts positive timeouts and names the rest', () => {
    expect(ackPolicyProblems(DEFAULT_ACK_POLICY)).toBeNull();
    expect(ackPolicyProblems({ firstTimeoutS: 0, secondTimeoutS: Number.NaN })).toEqual({
      firstTimeoutS: 'must be a number > 0',
      secondTimeoutS: 'must be a number > 0',
    });
  });
});

describe('ackEscalation', () => {
  const createdAt = new Date('2026-11-24T08:00:00Z');
  const policy = { firstTimeoutS: 60, secondTimeoutS: 120 };

  it('escalates a reported incident to the shift leader, then the leader, pointing at the next deadline', () => {
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 0, createdAt }, 1, policy)).toEqual({
      level: 1, target: 'shift_leader', nextDeadlineAt: new Date('2026-11-24T08:03:00Z'),
    });
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 1, createdAt }, 2, policy)).toEqual({ level: 2, target: 'leader', nextDeadlineAt: null });
  });

  it('counts the second timeout from the level-1 deadline the incident holds (re-armed after an undone merge)', () => {
    // Back in the queue at 08:30 with a fresh deadline 08:31: the leader at 08:33, not at once (08:03 is long past).
    const rearmed = { status: 'reported' as const, ackOverdueLevel: 0, createdAt, ackDeadlineAt: new Date('2026-11-24T08:31:00Z') };
    expect(ackEscalation(rearmed, 1, policy)?.nextDeadlineAt).toEqual(new Date('2026-11-24T08:33:00Z'));
    // A normal incident's deadline is createdAt + first: the same as before.
    expect(ackEscalation({ ...rearmed, ackDeadlineAt: new Date('2026-11-24T08:01:00Z') }, 1, policy)?.nextDeadlineAt).toEqual(new Date('2026-11-24T08:03:00Z'));
  });

  it('lets a level-2 timer escalate an incident level 1 never reached (its timer lost or late)', () => {
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 0, createdAt }, 2, policy)?.target).toBe('leader');
  });

  it('does nothing once acknowledged, closed or merged, or when already escalated that far', () => {
    for (const status of ['acknowledged', 'responding', 'controlled', 'closed', 'merged'] as const) {
      expect(ackEscalation({ status, ackOverdueLevel: 0, createdAt }, 1, policy)).toBeNull();
    }
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 1, createdAt }, 1, policy)).toBeNull();
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 2, createdAt }, 2, policy)).toBeNull();
    expect(ackEscalation({ status: 'reported', ackOverdueLevel: 2, createdAt }, 1, policy)).toBeNull();
  });
});

describe('ackAfterUnmerge', () => {
  const now = at(600);

  it('gives an incident never overdue a fresh first timeout from now', () => {
    expect(ackAfterUnmerge({ ackOverdueLevel: 0, ackDeadlineAt: at(60) }, now)).toEqual({ ackOverdueLevel: 0, ackDeadlineAt: at(660), next: { level: 1, dueAt: at(660) } });
  });

  it('keeps the shift leader alerted and gives the leader a full second timeout from now', () => {
    expect(ackAfterUnmerge({ ackOverdueLevel: 1, ackDeadlineAt: at(120) }, now, { firstTimeoutS: 60, secondTimeoutS: 45 })).toEqual({ ackOverdueLevel: 1, ackDeadlineAt: at(645), next: { level: 2, dueAt: at(645) } });
  });

  it('keeps the leader alerted, with the deadline the leader\'s alert passed (the console shows it as escalated), and arms nothing more', () => {
    expect(ackAfterUnmerge({ ackOverdueLevel: 2, ackDeadlineAt: at(120) }, now)).toEqual({ ackOverdueLevel: 2, ackDeadlineAt: at(120), next: null });
  });

  it('uses the policy\'s first timeout for a fresh deadline', () => {
    expect(ackAfterUnmerge({ ackOverdueLevel: 0, ackDeadlineAt: at(90) }, now, { firstTimeoutS: 90, secondTimeoutS: 30 }).next).toEqual({ level: 1, dueAt: at(690) });
  });

  it('leaves a later level-2 timer free to escalate a level-1 incident (ackEscalation agrees)', () => {
    const resumed = ackAfterUnmerge({ ackOverdueLevel: 1, ackDeadlineAt: at(120) }, now);
    const incident = { status: 'reported' as const, ackOverdueLevel: resumed.ackOverdueLevel, createdAt: CREATED, ackDeadlineAt: resumed.ackDeadlineAt };
    expect(ackEscalation(incident, 2)).toEqual({ level: 2, target: 'leader', nextDeadlineAt: null });
    expect(ackEscalation(incident, 1)).toBeNull();
  });
});

describe('ackAfterMerge', () => {
  const waiting = (ackOverdueLevel: number, deadline: number | null, status: 'reported' | 'acknowledged' = 'reported') => ({ status, ackOverdueLevel, ackDeadlineAt: deadline === null ? null : at(deadline) });

  it('takes the source\'s earlier deadline when neither is overdue yet', () => {
    expect(ackAfterMerge(waiting(0, 90), waiting(0, 60))).toEqual({ ackOverdueLevel: 0, ackDeadlineAt: at(60), next: { level: 1, dueAt: at(60) } });
  });

  it('takes the source\'s escalation when it is further along: the shift leader knows, the leader is next', () => {
    expect(ackAfterMerge(waiting(0, 150), waiting(1, 120))).toEqual({ ackOverdueLevel: 1, ackDeadlineAt: at(120), next: { level: 2, dueAt: at(120) } });
    // Further along even with a later deadline: it has reached the shift leader.
    expect(ackAfterMerge(waiting(0, 100), waiting(1, 160))).toEqual({ ackOverdueLevel: 1, ackDeadlineAt: at(160), next: { level: 2, dueAt: at(160) } });
  });

  it('takes the leader\'s alert and arms nothing more', () => {
    expect(ackAfterMerge(waiting(1, 200), waiting(2, 120))).toEqual({ ackOverdueLevel: 2, ackDeadlineAt: at(120), next: null });
    expect(ackAfterMerge(waiting(0, 200), waiting(2, 120))).toEqual({ ackOverdueLevel: 2, ackDeadlineAt: at(120), next: null });
  });

  it.each<[string, ReturnType<typeof waiting>, ReturnType<typeof waiting>]>([
    ['the target\'s deadline is earlier', waiting(0, 60), waiting(0, 90)],
    ['the deadlines are equal', waiting(0, 60), waiting(0, 60)],
    ['the target is further along', waiting(1, 180), waiting(0, 30)],
    ['both reached the leader', waiting(2, 120), waiting(2, 60)],
    ['the target is acknowledged', waiting(0, null, 'acknowledged'), waiting(1, 120)],
    ['the source was acknowledged', waiting(0, 90), waiting(0, null, 'acknowledged')],
    ['the source has no deadline', waiting(0, 90), waiting(0, null)],
  ])('leaves the target\'s own when %s', (_, target, source) => {
    expect(ackAfterMerge(target, source)).toBeNull();
  });

  it('leaves an escalation the level-2 timer agrees with (ackEscalation)', () => {
    const merged = ackAfterMerge(waiting(0, 150), waiting(1, 120))!;
    const incident = { status: 'reported' as const, ackOverdueLevel: merged.ackOverdueLevel, createdAt: CREATED, ackDeadlineAt: merged.ackDeadlineAt };
    expect(ackEscalation(incident, 1)).toBeNull();
    expect(ackEscalation(incident, 2)).toEqual({ level: 2, target: 'leader', nextDeadlineAt: null });
  });
});

describe('ackAfterUnmergeOfTarget', () => {
  const now = at(100);
  const target = (ackOverdueLevel: number, deadline: number | null, status: 'reported' | 'acknowledged' = 'reported') => ({ status, ackOverdueLevel, ackDeadlineAt: deadline === null ? null : at(deadline) });

  it('gives the target its own deadline back while its level is its own', () => {
    expect(ackAfterUnmergeOfTarget(target(0, 60), { ackOverdueLevel: 0, ackDeadlineAt: at(150) }, now)).toEqual({ ackOverdueLevel: 0, ackDeadlineAt: at(150), next: { level: 1, dueAt: at(150) } });
    expect(ackAfterUnmergeOfTarget(target(1, 120), { ackOverdueLevel: 1, ackDeadlineAt: at(200) }, now)).toEqual({ ackOverdueLevel: 1, ackDeadlineAt: at(200), next: { level: 2, dueAt: at(200) } });
  });

  it('keeps a level reached on the source\'s clock, with a full timeout from now for the next', () => {
    expect(ackAfterUnmergeOfTarget(target(1, 120), { ackOverdueLevel: 0, ackDeadlineAt: at(150) }, now)).toEqual({ ackOverdueLevel: 1, ackDeadlineAt: at(160), next: { level: 2, dueAt: at(160) } });
  });

  it('gives nothing back once acknowledged or once the leader was alerted', () => {
    expect(ackAfterUnmergeOfTarget(target(0, null, 'acknowledged'), { ackOverdueLevel: 0, ackDeadlineAt: at(150) }, now)).toBeNull();
    expect(ackAfterUnmergeOfTarget(target(2, 120), { ackOverdueLevel: 0, ackDeadlineAt: at(150) }, now)).toBeNull();
  });
});
