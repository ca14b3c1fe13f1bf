import { stableUuid } from './stable-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('stableUuid', () => {
  it('is UUID-formatted with version 5 and the RFC 4122 variant', () => {
    for (let i = 0; i < 500; i++) expect(stableUuid(20261123, 'team', i)).toMatch(UUID);
  });

  it('is deterministic', () => {
    expect(stableUuid(1, 'team', 3)).toBe(stableUuid(1, 'team', 3));
  });

  it('differs by seed, kind and key', () => {
    const ids = new Set<string>();
    for (const seed of [1, 2]) for (const kind of ['team', 'shelter']) for (let k = 0; k < 200; k++) ids.add(stableUuid(seed, kind, k));
    expect(ids.size).toBe(800);
  });
});
