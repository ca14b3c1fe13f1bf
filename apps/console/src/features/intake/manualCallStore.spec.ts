import { closeManualCall, manualCallStore, openManualCall, requestCloseManualCall } from './manualCallStore';

describe('manualCallStore', () => {
  beforeEach(() => closeManualCall());

  it('opens an empty form, picking a location on the map', () => {
    openManualCall();
    expect(manualCallStore.get()).toEqual({ open: true, location: null, picking: true, dirty: false, sending: null });
  });

  it('never wipes a call half taken when asked to open again (n pressed twice)', () => {
    openManualCall();
    manualCallStore.set((s) => ({ ...s, location: { lng: 118.3, lat: 36.8 }, dirty: true }));
    openManualCall();
    expect(manualCallStore.get()).toMatchObject({ open: true, location: { lng: 118.3, lat: 36.8 }, dirty: true });
  });

  it('closes an untouched form without asking', () => {
    openManualCall();
    const ask = jest.fn(() => false);
    expect(requestCloseManualCall(ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(manualCallStore.get().open).toBe(false);
  });

  it('asks before an unsent call is discarded, and keeps it when the officer says no', () => {
    openManualCall();
    manualCallStore.set((s) => ({ ...s, dirty: true }));
    expect(requestCloseManualCall(() => false)).toBe(false);
    expect(manualCallStore.get()).toMatchObject({ open: true, dirty: true });
    expect(requestCloseManualCall(() => true)).toBe(true);
    expect(manualCallStore.get()).toMatchObject({ open: false, dirty: false, location: null });
  });

  it('closes without asking while the call is on its way, and says it still goes', () => {
    openManualCall();
    manualCallStore.set((s) => ({ ...s, sending: 'call-1' }));
    const ask = jest.fn(() => false);
    const told = jest.fn();
    expect(requestCloseManualCall(ask, told)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(told).toHaveBeenCalledWith('call-1');
    expect(manualCallStore.get()).toMatchObject({ open: false, sending: null });
  });
});
