import { RoadGraph } from '@beacon/geo';
import { polar, SEMI_X, SEMI_Y } from '../district-shape.js';
import { toPosition, type Vec } from '../local-frame.js';
import { townStreetName, URBAN_STREET_STEMS } from '../names.js';
import { AreaTester, dist } from '../planar.js';
import type { Rng } from '../prng.js';
import type { Territory } from '../territory.js';
import { layoutArterials } from './arterials.js';
import { clipRoads } from './clip.js';
import { landmarkAccessRoads } from './landmark-access.js';
import { nodeRoads } from './noding.js';
import type { RawRoad } from './raw-road.js';
import { layoutRuralRoads } from './rural-roads.js';
import { StreetGrid } from './street-grid.js';
import { layoutTownLinks, type TownHub } from './town-links.js';
import { layoutVillages } from './villages.js';

/** A road ready for output: WGS-84 [lng, lat] vertices rounded to 6 decimals. */
export interface BuiltRoad {
  roadClass: RawRoad['roadClass'];
  name: string | null;
  speedKmh: number;
  coordinates: [number, number][];
}

export interface RoadNetwork {
  roads: BuiltRoad[];
  /** Graph of `roads` (one connected component). */
  graph: RoadGraph;
  /** Town hubs (seat vertices of each town's street grid), in the territory's town order. */
  hubs: Vec[];
}

/** Street grids: one shared urban core over the four sub-district seats, and one small grid per rural town. */
function layoutGrids(rng: Rng, territory: Territory, inDistrict: (p: Vec) => boolean): { grids: StreetGrid[]; hubs: Vec[] } {
  const seats = territory.seeds.map((s) => s.seat);
  const urban = territory.seeds.map((s, i) => ({ s, i })).filter(({ s }) => s.spec.urban);
  const radii = urban.map(() => ({ r: rng.range(2_200, 2_800), phase: rng.range(0, 6.3) }));
  const inCore = (p: Vec): boolean =>
    urban.some(({ s }, k) => {
      const theta = Math.atan2(p[1] - s.seat[1], p[0] - s.seat[0]);
      return dist(p, s.seat) < radii[k].r * (1 + 0.12 * Math.sin(3 * theta + radii[k].phase));
    });
  let street = 0;
  const core = new StreetGrid(rng, {
    origin: seats[urban[0].i],
    angle: rng.range(-0.25, 0.25),
    spacing: 210,
    reach: 40,
    include: (p) => inCore(p) && inDistrict(p),
    gapChance: 0.05,
    speedKmh: 30,
    collectorEvery: 5,
    collectorName: (axis) => `${URBAN_STREET_STEMS[street++ % URBAN_STREET_STEMS.length]}${axis === 'row' ? '路' : '街'}`,
  });
  const grids = [core];
  const hubs = seats.map((seat) => seat);
  for (const { i } of urban) hubs[i] = core.nearestVertex(seats[i]) ?? seats[i];
  territory.seeds.forEach((seed) => {
    if (seed.spec.urban) return;
    const radius = rng.range(1_000, 1_500);
    const phase = rng.range(0, 6.3);
    const grid = new StreetGrid(rng, {
      origin: seed.seat,
      angle: rng.range(-0.4, 0.4),
      spacing: rng.range(180, 230),
      reach: 10,
      include: (p) => {
        const theta = Math.atan2(p[1] - seed.seat[1], p[0] - seed.seat[0]);
        return dist(p, seed.seat) < radius * (1 + 0.15 * Math.sin(3 * theta + phase)) && inDistrict(p);
      },
      gapChance: 0.04,
      speedKmh: 25,
      collectorEvery: 4,
      collectorName: (axis, index) => townStreetName(seed.spec.short, axis, index / 4),
    });
    grids.push(grid);
  });
  return { grids, hubs };
}

/**
 * The demo road network: arterials and expressway, town-to-town links, street grids, farm roads and landmark
 * access roads; clipped to the district, noded at crossings, converted to WGS-84 and reduced to its largest
 * connected component.
 */
export function buildRoadNetwork(rng: Rng, territory: Territory): RoadNetwork {
  const area = new AreaTester(territory.district.flat());
  const inDistrict = (p: Vec): boolean => area.contains(p);
  const { grids, hubs } = layoutGrids(rng.fork('grids'), territory, inDistrict);
  const towns: TownHub[] = territory.seeds.map((s, i) => ({ spec: s.spec, hub: hubs[i] }));
  const halfX = SEMI_X * 1.2;
  const halfY = SEMI_Y * 1.2;
  const raw: RawRoad[] = [
    ...layoutArterials(rng.fork('arterials')),
    ...layoutTownLinks(rng.fork('links'), towns),
    ...grids.flatMap((g) => g.roads),
    ...layoutRuralRoads(rng.fork('rural'), halfX, halfY, grids),
  ];
  const villageRng = rng.fork('villages');
  raw.push(
    ...layoutVillages(villageRng, raw, {
      count: 40,
      candidate: () => {
        for (;;) {
          const p: Vec = [villageRng.range(-SEMI_X, SEMI_X), villageRng.range(-SEMI_Y, SEMI_Y)];
          if (polar(p).rho < 0.95 && inDistrict(p)) return p;
        }
      },
      avoid: hubs,
      inDistrict,
      grids,
    }),
  );
  raw.push(...landmarkAccessRoads(raw));
  // Cheap pre-filter: skip the exact test far outside the district's largest possible extent.
  const clipped = clipRoads(raw, (p) => polar(p).rho < 1.2 && inDistrict(p));
  const noded = nodeRoads(clipped);

  const converted: BuiltRoad[] = [];
  for (const road of noded) {
    const coordinates: [number, number][] = [];
    for (const p of road.points) {
      const c = toPosition(p);
      const last = coordinates[coordinates.length - 1];
      if (!last || last[0] !== c[0] || last[1] !== c[1]) coordinates.push(c);
    }
    if (coordinates.length >= 2) converted.push({ roadClass: road.roadClass, name: road.name, speedKmh: road.speedKmh, coordinates });
  }

  const full = RoadGraph.fromRoads(converted);
  const { componentOf, sizes } = full.components();
  const main = sizes.indexOf(Math.max(...sizes));
  if (sizes.length === 1) return { roads: converted, graph: full, hubs };
  const kept = converted.filter((road) => {
    const node = full.nodeIdAt({ lng: road.coordinates[0][0], lat: road.coordinates[0][1] });
    return node !== undefined && componentOf[node] === main;
  });
  return { roads: kept, graph: RoadGraph.fromRoads(kept), hubs };
}
