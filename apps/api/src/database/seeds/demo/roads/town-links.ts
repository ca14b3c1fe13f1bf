import type { Vec } from '../local-frame.js';
import type { TownSpec } from '../names.js';
import { dist } from '../planar.js';
import type { Rng } from '../prng.js';
import { bentLine } from './curves.js';
import type { RawRoad } from './raw-road.js';

export interface TownHub {
  spec: TownSpec;
  /** A vertex of the town's street grid at its seat. */
  hub: Vec;
}

/**
 * Secondary roads linking each town hub to its two nearest neighbours (each pair once), named in the
 * Chinese style after the first characters of both ends, e.g. 稷牛路.
 */
export function layoutTownLinks(rng: Rng, towns: readonly TownHub[]): RawRoad[] {
  const pairs = new Set<string>();
  towns.forEach((town, a) => {
    const nearest = towns
      .map((other, b) => ({ b, d: dist(town.hub, other.hub) }))
      .filter((o) => o.b !== a)
      .sort((x, y) => x.d - y.d || x.b - y.b)
      .slice(0, 2);
    for (const { b } of nearest) pairs.add(a < b ? `${a}-${b}` : `${b}-${a}`);
  });
  return [...pairs].map((key) => {
    const [a, b] = key.split('-').map(Number);
    const [ta, tb] = [towns[a], towns[b]];
    const bothUrban = ta.spec.urban && tb.spec.urban;
    return {
      roadClass: 'secondary' as const,
      name: `${ta.spec.short[0]}${tb.spec.short[0]}路`,
      speedKmh: bothUrban ? 40 : 50,
      points: bentLine(rng, ta.hub, tb.hub, 0.06, 200),
    };
  });
}
