import { INCIDENT_STATUSES, type IncidentStatus } from '../contracts/incidents.js';
import { DomainError } from '../errors/domain-error.js';
import { isOpen, OPEN_INCIDENT_STATUSES } from './incident-status.js';
import { assertCorrectable, assertTransition, assertUnmerge, canTransition, canUnmerge, INCIDENT_TRANSITIONS, statusChangeTargets } from './incident-transitions.js';

const LEGAL: ReadonlyArray<[IncidentStatus, IncidentStatus]> = [
  ['reported', 'acknowledged'],
  ['reported', 'merged'],
  ['acknowledged', 'responding'],
  ['acknowledged', 'closed'],
  ['acknowledged', 'merged'],
  ['responding', 'controlled'],
  ['responding', 'merged'],
  ['controlled', 'responding'],
  ['controlled', 'closed'],
  ['controlled', 'merged'],
];
const isLegal = (from: IncidentStatus, to: IncidentStatus): boolean => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to] as [IncidentStatus, IncidentStatus]));

describe('incident state machine', () => {
  it.each(ALL_PAIRS.filter(([f, t]) => isLegal(f, t)))('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(ALL_PAIRS.filter(([f, t]) => !isLegal(f, t)))('refuses %s → %s with ILLEGAL_TRANSITION', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.kind).toBe('conflict');
    expect(Object.keys(error.fields ?? {})).toEqual(['to']);
  });

  it('requires acknowledging before responding', () => {
    expect(canTransition('reported', 'responding')).toBe(false);
    expect(canTransition('reported', 'closed')).toBe(false);
  });

  it('has no way out of closed or merged through ordinary transitions', () => {
    expect(INCIDENT_TRANSITIONS.closed).toEqual([]);
    expect(INCIDENT_TRANSITIONS.merged).toEqual([]);
  });

  it('can merge from every open status and from no other', () => {
    for (const status of INCIDENT_STATUSES) expect(canTransition(status, 'merged')).toBe(isOpen(status));
  });
});

describe('isOpen', () => {
  it.each<[IncidentStatus, boolean]>([
    ['reported', true],
    ['acknowledged', true],
    ['responding', true],
    ['controlled', true],
    ['closed', false],
    ['merged', false],
  ])('%s → %s', (status, open) => {
    expect(isOpen(status)).toBe(open);
  });

  it('lists the open statuses in lifecycle order', () => {
    expect(OPEN_INCIDENT_STATUSES).toEqual(['reported', 'acknowledged', 'responding', 'controlled']);
  });
});

describe('unmerge', () => {
  it.each<IncidentStatus>(['reported', 'acknowledged', 'responding', 'controlled'])('restores %s', (before) => {
    expect(canUnmerge('merged', before)).toBe(true);
    expect(assertUnmerge('merged', before)).toBe(before);
  });

  it.each<IncidentStatus>(['closed', 'merged'])('refuses to restore %s', (before) => {
    expect(canUnmerge('merged', before)).toBe(false);
    expect(() => assertUnmerge('merged', before)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it.each<IncidentStatus>(['reported', 'responding', 'closed'])('refuses to unmerge an incident that is %s', (current) => {
    expect(canUnmerge(current, 'reported')).toBe(false);
    expect(() => assertUnmerge(current, 'reported')).toThrow(expect.objectContaining({ code: 'NOT_MERGED' }));
  });
});

describe('the status form', () => {
  it('offers every legal move except acknowledging and merging, which have their own actions', () => {
    expect(statusChangeTargets('reported')).toEqual([]);
    expect(statusChangeTargets('acknowledged')).toEqual(['responding', 'closed']);
    expect(statusChangeTargets('responding')).toEqual(['controlled']);
    expect(statusChangeTargets('controlled')).toEqual(['responding', 'closed']);
    expect(statusChangeTargets('closed')).toEqual([]);
    expect(statusChangeTargets('merged')).toEqual([]);
    for (const from of INCIDENT_STATUSES) for (const to of statusChangeTargets(from)) expect(canTransition(from, to)).toBe(true);
  });
});

describe('corrections', () => {
  it.each(INCIDENT_STATUSES.filter((s) => s !== 'merged'))('are allowed on a %s incident', (status) => {
    expect(() => assertCorrectable(status, 'INC-1')).not.toThrow();
  });

  it('are refused on a merged incident, naming it, as a conflict', () => {
    let thrown: unknown;
    try {
      assertCorrectable('merged', 'INC-20261125-0007');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('INCIDENT_MERGED');
    expect((thrown as DomainError).kind).toBe('conflict');
    expect((thrown as DomainError).message).toContain('INC-20261125-0007');
  });
});
