import type { Vec } from '../local-frame.js';
import { nodeRoads } from './noding.js';
import type { RawRoad } from './raw-road.js';

const road = (points: Vec[], extra: Partial<RawRoad> = {}): RawRoad => ({ roadClass: 'tertiary', name: null, speedKmh: 40, points, ...extra });
const has = (r: RawRoad, p: Vec): boolean => r.points.some((q) => q[0] === p[0] && q[1] === p[1]);

describe('nodeRoads', () => {
  it('adds the crossing point to both roads', () => {
    const [a, b] = nodeRoads([road([[0, 0], [100, 0]]), road([[50, -50], [50, 50]])]);
    expect(a.points).toEqual([[0, 0], [50, 0], [100, 0]]);
    expect(b.points).toEqual([[50, -50], [50, 0], [50, 50]]);
  });

  it('adds a T-junction end to the road it ends on', () => {
    const [a] = nodeRoads([road([[0, 0], [100, 0]]), road([[30, -50], [30, 0]])]);
    expect(has(a, [30, 0])).toBe(true);
  });

  it('reuses an existing vertex for a crossing within a metre of it', () => {
    const [a, b] = nodeRoads([road([[0, 0], [100, 0], [200, 0]]), road([[100.4, -50], [100.4, 50]])]);
    expect(a.points).toHaveLength(3);
    expect(has(b, [100, 0])).toBe(true);
  });

  it('lets a grade-separated road cross ordinary roads but join primary ones', () => {
    const expressway = road([[0, 0], [1000, 0]], { roadClass: 'primary', gradeSeparated: true, speedKmh: 100 });
    const [e, minor, major] = nodeRoads([
      expressway,
      road([[200, -100], [200, 100]]),
      road([[700, -100], [700, 100]], { roadClass: 'primary', speedKmh: 60 }),
    ]);
    expect(has(e, [200, 0])).toBe(false);
    expect(minor.points).toHaveLength(2);
    expect(has(e, [700, 0])).toBe(true);
    expect(has(major, [700, 0])).toBe(true);
  });

  it('nodes a road that crosses itself', () => {
    const [loop] = nodeRoads([road([[0, 0], [100, 0], [100, 100], [50, 100], [50, -50]])]);
    expect(loop.points.filter((p) => p[0] === 50 && p[1] === 0)).toHaveLength(2);
  });
});
