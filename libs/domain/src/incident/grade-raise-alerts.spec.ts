import type { EventEnvelope } from '../contracts/events.js';
import type { IncidentDto, IncidentStatus } from '../contracts/incidents.js';
import { emptyFigures } from '../grading/figures.js';
import { NO_GRADE_RAISE_ALERTS, applyToGradeRaises, gradeRaiseAlertOf, isGradeLowering, isGradeRaise, raiseUndoneBy, withFetchedGradeRaises, type GradeRaiseAlerts } from './grade-raise-alerts.js';

const incident = (id: string, over: Partial<IncidentDto> = {}): IncidentDto => ({
  id, code: `INC-${id}`, title: '齐都街道 火灾', status: 'reported', category: 'ACCIDENT', type: 'fire',
  grade: 'III', gradeBasis: null, location: null, address: null, jurisdictionId: 'j1', figures: emptyFigures(),
  sources: ['119'], callCount: 2, createdAt: 'x', lastCallAt: 'x', acknowledgedAt: null, acknowledgedBy: null,
  ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1, ...over,
});

const officer = { type: 'user' as const, id: 'u1', name: '值班员甲' };
const event = (seq: number, type: string, payload: Record<string, unknown>, actor: EventEnvelope['actor'] = { type: 'integration', id: 'k', name: '119' }): EventEnvelope => ({
  seq, type, at: `2026-11-25T08:00:${String(seq % 60).padStart(2, '0')}+08:00`, aggregate: { type: 'incident', id: String((payload['incident'] as IncidentDto).id) }, jurisdictionId: 'j1', actor, payload,
});
const raised = (seq: number, i: IncidentDto, from = 'IV', to = 'III') => event(seq, 'incident.grade_raised', { incident: i, from, to, basis: {} });
const seen = (seq: number, i: IncidentDto, raiseSeq: number) => event(seq, 'incident.grade_raise_seen', { incident: i, raiseSeq, by: '值班员乙' }, officer);
const applyAll = (events: EventEnvelope[], start: GradeRaiseAlerts = NO_GRADE_RAISE_ALERTS) => events.reduce((state, e) => applyToGradeRaises(state, e), start);
const apply = (events: EventEnvelope[], start?: GradeRaiseAlerts) => applyAll(events, start).alerts;

describe('isGradeRaise', () => {
  it('is a raise by figures, or an officer raising the grade', () => {
    expect(isGradeRaise('incident.grade_raised', {})).toBe(true);
    expect(isGradeRaise('incident.grade_changed', { direction: 'raise' })).toBe(true);
  });

  it.each([['lower'], ['same'], [undefined]])('is not an officer change with direction %p', (direction) => {
    expect(isGradeRaise('incident.grade_changed', { direction })).toBe(false);
  });

  it.each(['incident.updated', 'incident.grade_raise_seen', 'call.received'])('is not %s', (type) => {
    expect(isGradeRaise(type, { direction: 'raise' })).toBe(false);
  });
});

describe('isGradeLowering', () => {
  it('is a grade change downwards, by an officer or an undone merge', () => {
    expect(isGradeLowering('incident.grade_changed', { direction: 'lower' })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['incident.grade_changed', { direction: 'raise' }],
    ['incident.grade_changed', { direction: 'same' }],
    ['incident.grade_changed', {}],
    ['incident.grade_raised', { direction: 'lower' }],
  ])('is not %s %p', (type, payload) => {
    expect(isGradeLowering(type, payload)).toBe(false);
  });
});

describe('raiseUndoneBy', () => {
  it.each<[string | null, string | null, boolean]>([
    ['IV', 'IV', true],
    ['IV', null, true],
    ['III', 'IV', true],
    ['IV', 'III', false],
    [null, 'IV', false],
    [null, null, true],
  ])('a raise from %p, lowered to %p: undone %p', (from, to, undone) => {
    expect(raiseUndoneBy(from as never, to as never)).toBe(undone);
  });
});

describe('gradeRaiseAlertOf', () => {
  it('names the cause, the grades and who raised it', () => {
    const i = incident('a');
    expect(gradeRaiseAlertOf(raised(7, i))).toEqual({ seq: 7, at: expect.any(String), cause: 'figures', from: 'IV', to: 'III', actor: { type: 'integration', id: 'k', name: '119' }, incident: i });
    const byOfficer = event(8, 'incident.grade_changed', { incident: incident('a', { grade: 'II' }), from: 'III', to: 'II', direction: 'raise', reason: '研判', computed: 'III' }, officer);
    expect(gradeRaiseAlertOf(byOfficer)).toMatchObject({ seq: 8, cause: 'officer', from: 'III', to: 'II', actor: officer });
  });

  it('is null for an event that is no raise or carries no incident', () => {
    expect(gradeRaiseAlertOf(event(9, 'incident.updated', { incident: incident('a') }))).toBeNull();
    expect(gradeRaiseAlertOf({ ...raised(9, incident('a')), payload: { from: 'IV', to: 'III' } })).toBeNull();
  });
});

describe('applyToGradeRaises', () => {
  const a = incident('a');
  const b = incident('b');
  const closing = (seq: number, status: IncidentStatus, version: number) => event(seq, 'incident.status_changed', { incident: incident('a', { status, version }), from: 'controlled', to: status, reason: 'x' });

  it('keeps one alert per incident, its latest raise, newest first', () => {
    const list = apply([raised(10, a), raised(11, b), raised(12, incident('a', { grade: 'II', version: 2 }), 'III', 'II')]);
    expect(list.map((x) => [x.incident.id, x.seq, x.to])).toEqual([['a', 12, 'II'], ['b', 11, 'III']]);
  });

  it('never lets an older raise (a late event) replace a newer one', () => {
    expect(apply([raised(12, a), raised(10, a)]).map((x) => x.seq)).toEqual([12]);
  });

  it('ends an alert when its raise or a newer one is seen, not an older one', () => {
    expect(apply([raised(10, a), seen(11, a, 10)])).toEqual([]);
    expect(apply([raised(10, a), seen(13, a, 12)])).toEqual([]);
    // Seen while a newer raise was on its way: the newer one still alarms.
    expect(apply([raised(10, a), raised(12, a), seen(13, a, 10)]).map((x) => x.seq)).toEqual([12]);
  });

  const lowered = (seq: number, from: string, to: string) =>
    event(seq, 'incident.grade_changed', { incident: incident('a', { grade: to as IncidentDto['grade'], version: seq }), from, to, direction: 'lower', reason: '撤销合并：误并' }, officer);

  it('withdraws a raise that a later lowering undoes (back to where it found the grade, or below), not a raise after it', () => {
    expect(apply([raised(10, a), lowered(11, 'III', 'IV')])).toEqual([]);
    expect(apply([raised(10, a, null as unknown as string, 'III'), lowered(11, 'III', 'IV')]).map((x) => x.seq)).toEqual([10]);
    // A late raise from before the lowering does not come back; one after it alarms.
    expect(apply([lowered(11, 'III', 'IV'), raised(10, a)])).toEqual([]);
    expect(apply([raised(10, a), lowered(11, 'III', 'IV'), raised(12, incident('a', { version: 12 }))]).map((x) => x.seq)).toEqual([12]);
    // Another incident's alert is untouched.
    expect(apply([raised(9, b), raised(10, a), lowered(11, 'III', 'IV')]).map((x) => x.incident.id)).toEqual(['b']);
  });

  it('keeps the alert of a raise only partly lowered: the incident stays above what the desks last knew, and the alert shows it now', () => {
    const list = apply([raised(10, a, 'IV', 'I'), lowered(11, 'I', 'II')]);
    expect(list.map((x) => [x.seq, x.from, x.to, x.incident.grade])).toEqual([[10, 'IV', 'I', 'II']]);
    // Lowered once more, to IV: the raise is undone.
    expect(apply([raised(10, a, 'IV', 'I'), lowered(11, 'I', 'II'), lowered(12, 'II', 'IV')])).toEqual([]);
  });

  it('keeps an alert through an officer setting the same grade, and moves it to an officer\'s further raise', () => {
    const same = event(11, 'incident.grade_changed', { incident: incident('a', { version: 2 }), from: 'III', to: 'III', direction: 'same', reason: '核实' }, officer);
    expect(apply([raised(10, a), same]).map((x) => x.seq)).toEqual([10]);
    const further = event(12, 'incident.grade_changed', { incident: incident('a', { grade: 'II', version: 3 }), from: 'III', to: 'II', direction: 'raise', reason: '会商研判' }, officer);
    expect(apply([raised(10, a), further]).map((x) => [x.seq, x.cause, x.to])).toEqual([[12, 'officer', 'II']]);
  });

  it('does not bring back a seen raise that arrives late, but takes a newer one', () => {
    expect(apply([seen(11, a, 10), raised(10, a)])).toEqual([]);
    expect(apply([seen(11, a, 10), raised(12, a)]).map((x) => x.seq)).toEqual([12]);
  });

  it.each<IncidentStatus>(['closed', 'merged'])('ends an alert when the incident is %s, and a late raise of before then starts none', (status) => {
    expect(apply([raised(10, a), closing(11, status, 3)])).toEqual([]);
    expect(apply([closing(11, status, 3), raised(10, incident('a', { version: 2 }))])).toEqual([]);
    expect(apply([raised(12, incident('a', { status, version: 3 }))])).toEqual([]);
  });

  it('alarms again at a raise after an undone merge (the incident\'s version moved on)', () => {
    const unmerged = incident('a', { version: 5 });
    expect(apply([closing(11, 'merged', 3), event(12, 'incident.unmerged', { incident: unmerged, mergeId: 'm', from: 'b', reason: 'x' }), raised(13, incident('a', { version: 6 }))]).map((x) => x.seq)).toEqual([13]);
  });

  it('refreshes the incident an alert shows, only with a newer version', () => {
    const renamed = incident('a', { title: '齐都街道 化工厂爆炸', version: 2 });
    const state = applyAll([raised(10, a), event(11, 'incident.updated', { incident: renamed, changed: ['title'] })]);
    expect(state.alerts[0]).toMatchObject({ seq: 10, incident: { title: '齐都街道 化工厂爆炸' } });
    expect(apply([event(12, 'incident.updated', { incident: a, changed: [] })], state)[0]!.incident.version).toBe(2);
  });

  it('returns the same state for events that change nothing', () => {
    const state = applyAll([raised(10, a), seen(11, b, 5), closing(12, 'closed', 3)]);
    expect(applyToGradeRaises(state, event(13, 'incident.updated', { incident: b, changed: [] }))).toBe(state);
    expect(applyToGradeRaises(state, { ...event(14, 'team.updated', { incident: a }), payload: { team: {} } })).toBe(state);
    expect(applyToGradeRaises(state, seen(15, b, 4))).toBe(state);
    expect(applyToGradeRaises(state, closing(16, 'closed', 3))).toBe(state);
  });
});

describe('withFetchedGradeRaises', () => {
  const alertOf = (seq: number, i: IncidentDto) => gradeRaiseAlertOf(raised(seq, i))!;

  it('takes the fetched list when the console knows of nothing that ended an alert', () => {
    const fetched = [alertOf(12, incident('b')), alertOf(10, incident('a'))];
    expect(withFetchedGradeRaises(fetched, undefined)).toEqual({ ...NO_GRADE_RAISE_ALERTS, alerts: fetched });
  });

  it('drops a fetched alert that an event applied meanwhile ended (the list was read before it)', () => {
    const known = applyAll([seen(11, incident('a'), 10), event(13, 'incident.status_changed', { incident: incident('c', { status: 'closed', version: 4 }), from: 'controlled', to: 'closed', reason: 'x' })]);
    const fetched = [alertOf(12, incident('b')), alertOf(10, incident('a')), alertOf(9, incident('c', { version: 3 }))];
    const state = withFetchedGradeRaises(fetched, known);
    expect(state.alerts.map((x) => x.incident.id)).toEqual(['b']);
    expect(state.seenUpTo).toEqual({ a: 10 });
    expect(state.closedAtVersion).toEqual({ c: 4 });
  });
});
