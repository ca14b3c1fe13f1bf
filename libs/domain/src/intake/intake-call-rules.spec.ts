import { intakeCallProblems } from './intake-call-rules.js';

describe('intakeCallProblems', () => {
  it('accepts a call with a position, an address, or both', () => {
    expect(intakeCallProblems({ location: { lng: 118.3, lat: 36.8 } })).toBeNull();
    expect(intakeCallProblems({ address: '齐都大道 1 号' })).toBeNull();
    expect(intakeCallProblems({ location: { lng: 118.3, lat: 36.8 }, address: '齐都大道' })).toBeNull();
  });

  it('names both location and address when neither says where', () => {
    expect(intakeCallProblems({})).toEqual({ location: expect.any(String), address: expect.any(String) });
    expect(intakeCallProblems({ address: '   ' })).toEqual({ location: expect.any(String), address: expect.any(String) });
  });

  it('accepts a sub-type alone or with its own category, and names a mismatch', () => {
    expect(intakeCallProblems({ address: 'x', type: 'fire' })).toBeNull();
    expect(intakeCallProblems({ address: 'x', category: 'ACCIDENT', type: 'fire' })).toBeNull();
    expect(intakeCallProblems({ address: 'x', category: 'NATURAL', type: 'fire' })).toEqual({ type: 'not a sub-type of NATURAL' });
  });
});
