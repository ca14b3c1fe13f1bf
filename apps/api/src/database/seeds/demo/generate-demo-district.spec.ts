import { SHELTER_CLASSES, TEAM_KINDS, TEAM_STATUSES, type JurisdictionDto, type LngLat, type MultiPolygon, type Polygon } from '@beacon/domain';
import { bboxOfGeometry, haversineMeters, pointInPolygon, polygonAreaM2, RoadGraph } from '@beacon/geo';
import { DEFAULT_DEMO_SEED, generateDemoDistrict, toRoadNetworkDto } from './generate-demo-district.js';
import { DEMO_LANDMARK_KEYS, DEMO_LANDMARKS } from './landmarks.js';
import { Rng } from './prng.js';
import type { DemoDistrict } from './types.js';

jest.setTimeout(60_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CHINESE = /[\u4e00-\u9fff]/;
const area = (j: JurisdictionDto): Polygon | MultiPolygon => {
  if (!j.geometry) throw new Error(`${j.name} has no geometry`);
  return j.geometry;
};
const inside = (p: LngLat, j: JurisdictionDto): boolean => pointInPolygon(p, area(j));

let world: DemoDistrict;
let other: DemoDistrict;
let graph: RoadGraph;

beforeAll(() => {
  world = generateDemoDistrict();
  other = generateDemoDistrict(7);
  graph = RoadGraph.fromRoads(world.roads);
});

describe('determinism', () => {
  it('uses the documented default seed', () => {
    expect(world.seed).toBe(DEFAULT_DEMO_SEED);
    expect(DEFAULT_DEMO_SEED).toBe(20261123);
  });

  it('produces byte-identical output for the same seed and different output for another', () => {
    const again = generateDemoDistrict(DEFAULT_DEMO_SEED);
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(world));
  });
});

describe('jurisdictions', () => {
  it('nests city → district → towns with GB/T 2260-style codes', () => {
    expect(world.city).toMatchObject({ code: '370300', level: 'city', parentId: null });
    expect(world.district.code).toMatch(/^3703\d{2}$/);
    expect(world.district).toMatchObject({ level: 'district', parentId: world.city.id });
    expect(world.towns.length).toBeGreaterThanOrEqual(8);
    expect(world.towns.length).toBeLessThanOrEqual(12);
    for (const town of world.towns) {
      expect(town.code).toMatch(new RegExp(`^${world.district.code}\\d{3}$`));
      expect(town).toMatchObject({ level: 'town', parentId: world.district.id });
      expect(town.name).toMatch(/(街道|镇)$/);
    }
    expect(new Set(world.towns.map((t) => t.code)).size).toBe(world.towns.length);
    const ids = [world.city, world.district, ...world.towns].map((j) => j.id);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws a ~30 × 25 km district around 36.8°N 118.3°E with an irregular, closed outline', () => {
    const geometry = area(world.district);
    expect(geometry.type).toBe('Polygon');
    const ring = (geometry as Polygon).coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBeGreaterThan(100);
    const [minLng, minLat, maxLng, maxLat] = bboxOfGeometry(geometry) ?? [0, 0, 0, 0];
    const widthKm = haversineMeters({ lng: minLng, lat: 36.8 }, { lng: maxLng, lat: 36.8 }) / 1000;
    const heightKm = haversineMeters({ lng: 118.3, lat: minLat }, { lng: 118.3, lat: maxLat }) / 1000;
    expect(widthKm).toBeGreaterThan(25);
    expect(widthKm).toBeLessThan(36);
    expect(heightKm).toBeGreaterThan(20);
    expect(heightKm).toBeLessThan(31);
    expect(Math.abs((minLat + maxLat) / 2 - 36.8)).toBeLessThan(0.05);
    expect(Math.abs((minLng + maxLng) / 2 - 118.3)).toBeLessThan(0.05);
    // Not a rectangle: it fills clearly less than its bounding box.
    const bboxArea = widthKm * heightKm * 1e6;
    expect(polygonAreaM2(geometry) / bboxArea).toBeLessThan(0.9);
  });

  it('keeps the district inside the city', () => {
    for (const [lng, lat] of (area(world.district) as Polygon).coordinates[0]) expect(inside({ lng, lat }, world.city)).toBe(true);
  });

  it('tiles the district with towns: every sampled district point is in exactly one town', () => {
    const [minLng, minLat, maxLng, maxLat] = bboxOfGeometry(area(world.city)) ?? [0, 0, 0, 0];
    const [dMinLng, dMinLat, dMaxLng, dMaxLat] = bboxOfGeometry(area(world.district)) ?? [0, 0, 0, 0];
    expect(minLng).toBeLessThan(dMinLng);
    const rng = new Rng(11);
    let insideCount = 0;
    for (let i = 0; i < 4000; i++) {
      const p = { lng: rng.range(dMinLng, dMaxLng), lat: rng.range(dMinLat, dMaxLat) };
      const containing = world.towns.filter((t) => inside(p, t)).length;
      if (inside(p, world.district)) {
        insideCount++;
        expect(containing).toBe(1);
      } else {
        expect(containing).toBe(0);
      }
    }
    expect(insideCount).toBeGreaterThan(2000);
    expect(maxLat).toBeGreaterThan(dMaxLat);
    expect(minLat).toBeLessThan(dMinLat);
    expect(maxLng).toBeGreaterThan(dMaxLng);
  });

  it('gives towns areas that add up to the district area', () => {
    const sum = world.towns.reduce((s, t) => s + polygonAreaM2(area(t)), 0);
    expect(Math.abs(sum - polygonAreaM2(area(world.district))) / sum).toBeLessThan(1e-6);
    for (const town of world.towns) expect(polygonAreaM2(area(town))).toBeGreaterThan(10e6);
  });

  it('puts each centroid (label point) inside its own jurisdiction', () => {
    for (const j of [world.district, ...world.towns]) expect(inside(j.centroid as LngLat, j)).toBe(true);
  });
});

describe('road network', () => {
  it('has at least 5000 distinct nodes in one connected component', () => {
    expect(graph.nodeCount).toBeGreaterThanOrEqual(5000);
    expect(graph.components().count).toBe(1);
  });

  it('has well-formed roads of every class with named arterials', () => {
    const ids = new Set(world.roads.map((r) => r.id));
    expect(ids.size).toBe(world.roads.length);
    const classes = new Set(world.roads.map((r) => r.roadClass));
    expect([...classes].sort()).toEqual(['primary', 'residential', 'secondary', 'tertiary']);
    for (const road of world.roads) {
      expect(road.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(road.speedKmh) && road.speedKmh > 0).toBe(true);
      if (road.roadClass === 'primary' || road.roadClass === 'secondary') expect(road.name).toMatch(CHINESE);
    }
    expect(world.roads.filter((r) => r.roadClass === 'primary').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps roads inside the district', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 1500; i++) {
      const road = rng.pick(world.roads);
      const [lng, lat] = rng.pick(road.coordinates);
      expect(inside({ lng, lat }, world.district)).toBe(true);
    }
  });

  it('routes between every pair of town centres', () => {
    world.townCentres.forEach((a, i) => {
      for (const b of world.townCentres.slice(i + 1)) {
        const route = graph.route(a.location, b.location);
        expect(route).not.toBeNull();
        expect(route?.distanceM).toBeGreaterThanOrEqual(haversineMeters(a.location, b.location) - 1);
      }
    });
    for (const c of world.townCentres) expect(graph.nodeIdAt(c.location)).toBeDefined();
  });

  it('converts to a RoadNetworkDto feature collection', () => {
    const dto = toRoadNetworkDto(world.roads);
    expect(dto.type).toBe('FeatureCollection');
    expect(dto.features).toHaveLength(world.roads.length);
    const [first] = dto.features;
    expect(first.geometry).toEqual({ type: 'LineString', coordinates: world.roads[0].coordinates });
    expect(first.properties).toEqual({ id: world.roads[0].id, roadClass: world.roads[0].roadClass, name: world.roads[0].name, speedKmh: world.roads[0].speedKmh });
  });
});

/** Jurisdiction rule for every facility: district-level, or the town whose polygon contains it. */
function expectPlaced(w: DemoDistrict, item: { location: LngLat; jurisdictionId: string }): void {
  expect(inside(item.location, w.district)).toBe(true);
  const towns = w.towns.filter((t) => inside(item.location, t));
  expect(towns).toHaveLength(1);
  if (item.jurisdictionId !== w.district.id) expect(item.jurisdictionId).toBe(towns[0].id);
}

describe('teams', () => {
  it('has 35–45 teams of every §7 kind with stable UUIDs and Chinese names', () => {
    expect(world.teams.length).toBeGreaterThanOrEqual(35);
    expect(world.teams.length).toBeLessThanOrEqual(45);
    expect(new Set(world.teams.map((t) => t.kind))).toEqual(new Set(TEAM_KINDS));
    expect(new Set(world.teams.map((t) => t.id)).size).toBe(world.teams.length);
    for (const team of world.teams) {
      expect(team.id).toMatch(UUID);
      expect(team.name).toMatch(CHINESE);
      expect(team.headcount).toBeGreaterThan(0);
      expect(team.capabilities.length).toBeGreaterThan(0);
      expect(TEAM_STATUSES).toContain(team.status);
    }
    for (const s of ['flood', 'forest_fire', 'collapsed_structure', 'hazmat', 'water_rescue', 'mountain', 'medical', 'general']) {
      expect(world.teams.map((t) => t.specialty)).toContain(s);
    }
  });

  it('rates social forces 1–3 and nobody else', () => {
    for (const team of world.teams) {
      if (team.kind === 'social') expect([1, 2, 3]).toContain(team.rating);
      else expect(team.rating).toBeNull();
    }
  });

  it('is mostly available, at home, on a road node, inside its jurisdiction', () => {
    const available = world.teams.filter((t) => t.status === 'available').length;
    expect(available / world.teams.length).toBeGreaterThan(0.85);
    expect(available).toBeLessThan(world.teams.length);
    for (const team of world.teams) {
      expect(team.location).toEqual(team.homeStation);
      expect(graph.nodeIdAt(team.homeStation)).toBeDefined();
      expectPlaced(world, team);
      if (team.kind === 'grassroots') expect(team.jurisdictionId).not.toBe(world.district.id);
    }
  });
});

describe('warehouses', () => {
  it('has 8 stores with 6–15 distinct, GB/T 38565-coded stock lines', () => {
    expect(world.warehouses).toHaveLength(8);
    for (const w of world.warehouses) {
      expect(w.id).toMatch(UUID);
      expect(w.name).toMatch(CHINESE);
      expect(w.stock.length).toBeGreaterThanOrEqual(6);
      expect(w.stock.length).toBeLessThanOrEqual(15);
      expect(new Set(w.stock.map((s) => s.code)).size).toBe(w.stock.length);
      for (const line of w.stock) {
        expect(line.code).toMatch(/^[123](0[1-9]|[1-9]\d){3}$/);
        expect(line.name).toMatch(CHINESE);
        expect(line.unit).toMatch(CHINESE);
        expect(line.quantity).toBeGreaterThan(0);
      }
      expectPlaced(world, w);
      expect(graph.nodeIdAt(w.location)).toBeDefined();
    }
    const classes = new Set(world.warehouses.flatMap((w) => w.stock.map((s) => s.code[0])));
    expect([...classes].sort()).toEqual(['1', '2', '3']);
  });
});

describe('shelters', () => {
  it('has ~25 shelters of every class', () => {
    expect(world.shelters.length).toBeGreaterThanOrEqual(20);
    expect(world.shelters.length).toBeLessThanOrEqual(30);
    expect(new Set(world.shelters.map((s) => s.shelterClass))).toEqual(new Set(SHELTER_CLASSES));
    expect(new Set(world.shelters.map((s) => s.name)).size).toBe(world.shelters.length);
  });

  it('follows GB 21734 sizing: > 2000 m², ≥ 1.5 m² per person, staffed ≤ physical, empty', () => {
    for (const s of world.shelters) {
      expect(s.id).toMatch(UUID);
      expect(s.name).toMatch(CHINESE);
      expect(Number.isInteger(s.areaM2)).toBe(true);
      expect(s.areaM2).toBeGreaterThan(2000);
      expect(s.physicalCapacity).toBeGreaterThan(0);
      expect(s.physicalCapacity).toBeLessThanOrEqual(s.areaM2 / 1.5);
      expect(s.staffedCapacity).toBeLessThanOrEqual(s.physicalCapacity);
      expect(s.occupancy).toBe(0);
      expectPlaced(world, s);
    }
    const closed = world.shelters.filter((s) => s.status === 'closed').length;
    expect(closed / world.shelters.length).toBeGreaterThan(0.8);
  });
});

describe('landmarks', () => {
  it.each([['default seed'], ['seed 7']])('lie inside the district on a road node (%s)', (which) => {
    const w = which === 'default seed' ? world : other;
    const g = which === 'default seed' ? graph : RoadGraph.fromRoads(w.roads);
    for (const key of DEMO_LANDMARK_KEYS) {
      const landmark = DEMO_LANDMARKS[key];
      expect(landmark.name).toMatch(CHINESE);
      expect(inside(landmark, w.district)).toBe(true);
      expect(g.nodeIdAt(landmark)).toBeDefined();
    }
    expect(w.landmarks.map((l) => l.key)).toEqual([...DEMO_LANDMARK_KEYS]);
  });

  it('puts the interchange where the expressway meets an arterial', () => {
    const at = DEMO_LANDMARKS.expresswayInterchange;
    const touching = world.roads.filter((r) => r.coordinates.some(([lng, lat]) => lng === at.lng && lat === at.lat));
    expect(touching.map((r) => r.name)).toEqual(expect.arrayContaining(['青银高速', '稷下大道']));
  });

  it('are reachable by road from every team', () => {
    const times = graph.travelTimes(DEMO_LANDMARKS.chemicalPlant, world.teams.map((t) => t.location));
    for (const t of times) expect(t).not.toBeNull();
  });

  it('includes the river scenery inside the district', () => {
    expect(world.river.coordinates.length).toBeGreaterThan(50);
    for (const [lng, lat] of world.river.coordinates) expect(inside({ lng, lat }, world.district)).toBe(true);
  });
});
