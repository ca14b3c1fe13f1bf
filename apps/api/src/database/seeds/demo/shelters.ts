import type { ShelterClass } from '@beacon/domain';
import { DEMO_DISTRICT } from './names.js';
import type { Rng } from './prng.js';
import type { SitePicker } from './site-picker.js';
import { stableUuid } from './stable-id.js';
import type { DemoShelter } from './types.js';
import type { WorldContext } from './world-context.js';

interface ShelterSpec {
  name: string;
  shelterClass: ShelterClass;
  town: number;
  /** Central and long-term sites are district assets; the rest belong to their town. */
  districtLevel: boolean;
}

/** Site area ranges, m² (GB 21734-2008: every site > 2000 m²). */
const AREA: Readonly<Record<ShelterClass, readonly [number, number]>> = {
  immediate: [2_500, 12_000],
  short_term: [6_000, 20_000],
  medium_term: [12_000, 40_000],
  long_term: [30_000, 80_000],
  central: [60_000, 200_000],
};

/** GB 21734-2008: more than 1.5 m² of living area per person. */
const M2_PER_PERSON = 1.5;

function shelterSpecs(ctx: WorldContext): ShelterSpec[] {
  const s = (i: number): string => ctx.townSpecs[i].short;
  const D = DEMO_DISTRICT.name;
  const specs: ShelterSpec[] = [
    { name: `${D}体育中心`, shelterClass: 'central', town: 0, districtLevel: true },
    { name: `${s(1)}文化公园`, shelterClass: 'central', town: 1, districtLevel: true },
    { name: '齐都职业技术学院', shelterClass: 'long_term', town: 2, districtLevel: true },
    { name: `${D}会展中心`, shelterClass: 'long_term', town: 3, districtLevel: true },
  ];
  for (const i of [1, 3, 5, 8]) specs.push({ name: `${s(i)}体育馆`, shelterClass: 'medium_term', town: i, districtLevel: false });
  const schools = ['实验学校', '中心小学', '第一中学'];
  [0, 1, 2, 4, 6, 7, 9].forEach((i, k) => {
    specs.push({ name: `${s(i)}${schools[k % schools.length]}`, shelterClass: 'short_term', town: i, districtLevel: false });
  });
  const open = ['文化广场', '人民公园', '市民广场', '滨河绿地', '社区广场'];
  const used = new Map<number, number>();
  for (const i of [0, 0, 1, 2, 3, 4, 5, 6, 8, 9]) {
    const n = used.get(i) ?? 0;
    used.set(i, n + 1);
    specs.push({ name: `${s(i)}${open[(i + n) % open.length]}`, shelterClass: 'immediate', town: i, districtLevel: false });
  }
  return specs;
}

/** 25 shelters, closed and empty, except two open immediate sites; capacities follow GB 21734. */
export function buildShelters(rng: Rng, ctx: WorldContext, picker: SitePicker): DemoShelter[] {
  const specs = shelterSpecs(ctx);
  const immediate = specs.map((s, i) => ({ s, i })).filter(({ s }) => s.shelterClass === 'immediate');
  const open = new Set(rng.shuffle(immediate).slice(0, 2).map(({ i }) => i));
  return specs.map((spec, i) => {
    const urban = ctx.townSpecs[spec.town].urban;
    const site = picker.pick(rng, ctx.hubs[spec.town], { spreadM: urban ? 1300 : 700, townIndex: spec.town });
    const [lo, hi] = AREA[spec.shelterClass];
    const areaM2 = Math.round(rng.range(lo, hi) / 10) * 10;
    const physicalCapacity = Math.floor((areaM2 * rng.range(0.45, 0.8)) / M2_PER_PERSON);
    const staffedCapacity = Math.floor(physicalCapacity * rng.range(0.3, 0.7));
    return {
      id: stableUuid(ctx.seed, 'shelter', i),
      name: spec.name,
      shelterClass: spec.shelterClass,
      jurisdictionId: spec.districtLevel ? ctx.district.id : ctx.towns[site.townIndex].id,
      location: site.location,
      areaM2,
      physicalCapacity,
      staffedCapacity,
      occupancy: 0,
      status: open.has(i) ? 'open' : 'closed',
    };
  });
}
