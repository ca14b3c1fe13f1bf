import { jurisdictionAncestors, jurisdictionDescendants, ownerJurisdictionId, type LeveledJurisdictionNode } from './jurisdiction-tree.js';

// 湖北 → 武汉 → 江岸区 → 街道; 武汉 → 汉阳区; 湖北 → 宜昌.
const TREE: LeveledJurisdictionNode[] = [
  { id: 'hubei', parentId: null, level: 'province' },
  { id: 'wuhan', parentId: 'hubei', level: 'city' },
  { id: 'jiangan', parentId: 'wuhan', level: 'district' },
  { id: 'street', parentId: 'jiangan', level: 'town' },
  { id: 'hanyang', parentId: 'wuhan', level: 'district' },
  { id: 'yichang', parentId: 'hubei', level: 'city' },
];

describe('jurisdictionDescendants', () => {
  it('includes the root and everything below it', () => {
    expect(jurisdictionDescendants(TREE, 'wuhan')).toEqual(new Set(['wuhan', 'jiangan', 'street', 'hanyang']));
    expect(jurisdictionDescendants(TREE, 'hubei').size).toBe(6);
  });

  it('is just the node itself for a leaf', () => {
    expect(jurisdictionDescendants(TREE, 'street')).toEqual(new Set(['street']));
  });

  it('does not reach siblings or parents', () => {
    const set = jurisdictionDescendants(TREE, 'jiangan');
    expect(set.has('hanyang')).toBe(false);
    expect(set.has('wuhan')).toBe(false);
  });

  it('returns the id alone when it is not in the tree', () => {
    expect(jurisdictionDescendants(TREE, 'nowhere')).toEqual(new Set(['nowhere']));
  });

  it('terminates on a cycle', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(jurisdictionDescendants(cyclic, 'a')).toEqual(new Set(['a', 'b']));
    expect(jurisdictionAncestors(cyclic, 'a').map((n) => n.id)).toEqual(['a', 'b']);
  });
});

describe('jurisdictionAncestors', () => {
  it('walks from the node up to the root', () => {
    expect(jurisdictionAncestors(TREE, 'street').map((n) => n.id)).toEqual(['street', 'jiangan', 'wuhan', 'hubei']);
    expect(jurisdictionAncestors(TREE, 'nowhere')).toEqual([]);
  });
});

describe('ownerJurisdictionId', () => {
  it.each<[string, 'national' | 'province' | 'city' | 'district', string | null]>([
    ['street', 'district', 'jiangan'],
    ['street', 'city', 'wuhan'],
    ['street', 'province', 'hubei'],
    ['street', 'national', 'hubei'],
    ['jiangan', 'district', 'jiangan'],
    ['wuhan', 'district', 'wuhan'],
    ['yichang', 'city', 'yichang'],
    ['nowhere', 'city', null],
  ])('incident in %s owned at %s level → %s', (jurisdiction, level, owner) => {
    expect(ownerJurisdictionId(TREE, jurisdiction, level)).toBe(owner);
  });

  it('falls back to the topmost known node when the tree has no node that high', () => {
    const cityOnly: LeveledJurisdictionNode[] = [
      { id: 'wuhan', parentId: null, level: 'city' },
      { id: 'jiangan', parentId: 'wuhan', level: 'district' },
    ];
    expect(ownerJurisdictionId(cityOnly, 'jiangan', 'province')).toBe('wuhan');
  });
});
