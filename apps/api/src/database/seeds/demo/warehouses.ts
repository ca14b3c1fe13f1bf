import type { StockLineDto } from '@beacon/domain';
import type { SitePicker } from './site-picker.js';
import { LANDMARK_OFFSETS_M } from './landmarks.js';
import type { Vec } from './local-frame.js';
import { DEMO_DISTRICT } from './names.js';
import type { Rng } from './prng.js';
import { stableUuid } from './stable-id.js';
import { SUPPLY_CATALOGUE, type SupplyTag } from './supplies-catalogue.js';
import type { DemoWarehouse } from './types.js';
import type { WorldContext } from './world-context.js';

interface WarehouseSpec {
  name: string;
  target: Vec;
  spreadM: number;
  /** Town-level stores sit in, and belong to, this town; district-level stores belong to the district. */
  townIndex?: number;
  tags: readonly SupplyTag[];
  /** Share of the catalogue's typical district quantity. */
  scale: number;
  /** How many stock lines to hold (capped by the matching catalogue items). */
  lines: readonly [min: number, max: number];
}

function stock(rng: Rng, spec: WarehouseSpec): StockLineDto[] {
  const pool = SUPPLY_CATALOGUE.filter((item) => item.tags.some((t) => spec.tags.includes(t)));
  const count = Math.min(pool.length, rng.int(spec.lines[0], spec.lines[1]));
  return rng
    .shuffle(pool)
    .slice(0, count)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((item) => ({
      code: item.code,
      name: item.name,
      unit: item.unit,
      quantity: Math.max(1, Math.round(rng.range(item.typical[0], item.typical[1]) * spec.scale)),
    }));
}

/** Eight stores: the district reserve, three specialised district stores and four town supply points. */
export function buildWarehouses(rng: Rng, ctx: WorldContext, picker: SitePicker): DemoWarehouse[] {
  const D = DEMO_DISTRICT.name;
  const specs: WarehouseSpec[] = [
    { name: `${D}应急物资储备库`, target: ctx.hubs[0], spreadM: 2500, tags: ['living', 'flood', 'rescue', 'power', 'medical'], scale: 1, lines: [12, 15] },
    { name: `${D}防汛物资仓库`, target: LANDMARK_OFFSETS_M.riverbank, spreadM: 1500, tags: ['flood', 'power'], scale: 1, lines: [8, 14] },
    { name: '齐都化工园区应急物资库', target: LANDMARK_OFFSETS_M.chemicalPlant, spreadM: 800, tags: ['hazmat', 'medical', 'rescue'], scale: 0.8, lines: [8, 12] },
    { name: '牛山林场防火物资库', target: LANDMARK_OFFSETS_M.forestPark, spreadM: 1000, tags: ['forest', 'living'], scale: 0.8, lines: [7, 11] },
  ];
  const ruralTowns = ctx.towns.map((t, i) => ({ t, i })).filter(({ i }) => !ctx.townSpecs[i].urban);
  for (const { t, i } of rng.shuffle(ruralTowns).slice(0, 4).sort((a, b) => a.i - b.i)) {
    specs.push({ name: `${t.name}应急物资储备点`, target: ctx.hubs[i], spreadM: 600, townIndex: i, tags: ['living', 'flood', 'rescue'], scale: 0.25, lines: [6, 10] });
  }
  return specs.map((spec, k) => {
    const site = picker.pick(rng, spec.target, { spreadM: spec.spreadM, townIndex: spec.townIndex });
    return {
      id: stableUuid(ctx.seed, 'warehouse', k),
      name: spec.name,
      jurisdictionId: spec.townIndex === undefined ? ctx.district.id : ctx.towns[site.townIndex].id,
      location: site.location,
      stock: stock(rng, spec),
    };
  });
}
