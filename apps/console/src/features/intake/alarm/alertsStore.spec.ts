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

describe('alertsStore: tabs of one browser', () => {
  it('takes the list another tab saved, for the signed-in user only', () => {
    const listeners: Array<(e: { key: string | null; newValue: string | null }) => void> = [];
    const storage = new Map<string, string>();
    const previous = (globalThis as { window?: unknown }).window;
    Object.assign(globalThis, {
      window: {
        localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
        addEventListener: (type: string, fn: (e: { key: string | null; newValue: string | null }) => void) => type === 'storage' && listeners.push(fn),
      },
    });
    try {
      jest.isolateModules(() => {
        // A fresh module instance, as in a second tab.
        const tab = jest.requireActual<typeof import('./alertsStore')>('./alertsStore');
        tab.loadAlertsFor('u1');
        expect(listeners).toHaveLength(1);
        listeners[0]!({ key: 'beacon.alerts.u2', newValue: JSON.stringify([raise('x', 9)]) });
        expect(tab.alertsStore.get()).toEqual([]);
        listeners[0]!({ key: 'beacon.alerts.u1', newValue: JSON.stringify([raise('a', 1)]) });
        expect(tab.alertsStore.get().map((a) => a.incidentId)).toEqual(['a']);
        listeners[0]!({ key: 'beacon.alerts.u1', newValue: null });
        expect(tab.alertsStore.get()).toEqual([]);
      });
    } finally {
      Object.assign(globalThis, { window: previous });
    }
  });
});
