import { alertsStore, dismissAlert, loadAlertsFor, pushAlert, type LoudAlert } from './alertsStore';

// The console's unit tests run without a DOM: a Map stands in for localStorage.
const saved = new Map<string, string>();
Object.assign(globalThis, {
  window: { localStorage: { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v), removeItem: (k: string) => void saved.delete(k) } },
});

const raise = (incidentId: string, seq: number): LoudAlert => ({
  key: `incident.grade_raised:${seq}`, seq, kind: 'grade_raised', at: '2026-11-25T08:00:00+08:00', incidentId, code: `INC-${seq}`, title: '火灾', from: 'IV', to: 'III',
});

describe('alertsStore: a raise stays until dismissed, across a reload', () => {
  beforeEach(() => {
    saved.clear();
    loadAlertsFor(null);
  });

  it('restores the undismissed alerts of the same user after a reload', () => {
    loadAlertsFor('u1');
    pushAlert(raise('a', 1));
    pushAlert(raise('b', 2));
    dismissAlert('incident.grade_raised:1');
    // A reload: the page starts with nobody signed in and an empty banner, then the session loads the user's alerts.
    loadAlertsFor(null);
    expect(alertsStore.get()).toEqual([]);
    loadAlertsFor('u1');
    expect(alertsStore.get().map((a) => a.incidentId)).toEqual(['b']);
  });

  it('keeps each user\'s alerts apart, and signing out clears the banner without forgetting them', () => {
    loadAlertsFor('u1');
    pushAlert(raise('a', 1));
    loadAlertsFor(null);
    expect(alertsStore.get()).toEqual([]);
    loadAlertsFor('u2');
    expect(alertsStore.get()).toEqual([]);
    loadAlertsFor('u1');
    expect(alertsStore.get().map((a) => a.incidentId)).toEqual(['a']);
  });

  it('ignores a damaged entry', () => {
    saved.set('beacon.alerts.u3', '{not json');
    loadAlertsFor('u3');
    expect(alertsStore.get()).toEqual([]);
    saved.set('beacon.alerts.u3', JSON.stringify([{ key: 1 }, raise('c', 3)]));
    loadAlertsFor('u3');
    expect(alertsStore.get().map((a) => a.incidentId)).toEqual(['c']);
  });
});
