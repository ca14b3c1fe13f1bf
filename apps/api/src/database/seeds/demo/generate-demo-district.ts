import type { RoadNetworkDto } from '@beacon/domain';
import { buildJurisdictions } from './jurisdictions.js';
import { DEMO_LANDMARK_KEYS, DEMO_LANDMARKS } from './landmarks.js';
import { toLngLat } from './local-frame.js';
import { AreaTester } from './planar.js';
import { Rng } from './prng.js';
import { layoutRiver } from './river.js';
import { buildRoadNetwork } from './roads/road-network.js';
import { buildShelters } from './shelters.js';
import { SitePicker } from './site-picker.js';
import { buildTeams } from './teams.js';
import { buildTerritory } from './territory.js';
import type { DemoDistrict, DemoRoad } from './types.js';
import { buildWarehouses } from './warehouses.js';
import type { WorldContext } from './world-context.js';

export const DEFAULT_DEMO_SEED = 20261123;

/**
 * Generates the demo district deterministically from `seed`: the same seed gives byte-identical output
 * (JSON.stringify) for the same code on the same JS engine. Each step draws from its own forked random
 * stream, so a change in one step does not reshuffle the others.
 */
export function generateDemoDistrict(seed: number = DEFAULT_DEMO_SEED): DemoDistrict {
  const rng = new Rng(seed);
  const territory = buildTerritory(rng.fork('territory'));
  const { city, district, towns } = buildJurisdictions(seed, territory);
  const network = buildRoadNetwork(rng.fork('roads'), territory);
  const roads: DemoRoad[] = network.roads.map((road, i) => ({ id: `rd-${String(i + 1).padStart(5, '0')}`, ...road }));

  const ctx: WorldContext = { seed, district, towns, townSpecs: territory.seeds.map((s) => s.spec), hubs: network.hubs };
  const picker = new SitePicker(network.graph, towns);
  const teams = buildTeams(rng.fork('teams'), ctx, picker);
  const warehouses = buildWarehouses(rng.fork('warehouses'), ctx, picker);
  const shelters = buildShelters(rng.fork('shelters'), ctx, picker);

  const townCentres = towns.map((town, i) => ({ jurisdictionId: town.id, code: town.code, name: town.name, location: toLngLat(network.hubs[i]) }));
  const landmarks = DEMO_LANDMARK_KEYS.map((key) => {
    const townIndex = picker.townOf(DEMO_LANDMARKS[key]);
    return { key, ...DEMO_LANDMARKS[key], jurisdictionId: townIndex >= 0 ? towns[townIndex].id : district.id };
  });
  const river = layoutRiver(rng.fork('river'), new AreaTester(territory.district.flat()));

  return { seed, city, district, towns, townCentres, roads, teams, warehouses, shelters, landmarks, river };
}

/** The roads as the wire's RoadNetworkDto (a GeoJSON FeatureCollection). */
export function toRoadNetworkDto(roads: readonly DemoRoad[]): RoadNetworkDto {
  return {
    type: 'FeatureCollection',
    features: roads.map(({ coordinates, ...properties }) => ({
      type: 'Feature',
      id: properties.id,
      geometry: { type: 'LineString', coordinates },
      properties,
    })),
  };
}
