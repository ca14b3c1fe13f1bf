import type { TeamKind } from '@beacon/domain';
import { LANDMARK_OFFSETS_M, type DemoLandmarkKey } from './landmarks.js';
import type { Vec } from './local-frame.js';
import { COMMUNITY_NAMES, DEMO_DISTRICT } from './names.js';
import type { Rng } from './prng.js';
import type { SitePicker } from './site-picker.js';
import { stableUuid } from './stable-id.js';
import type { DemoTeam } from './types.js';
import type { WorldContext } from './world-context.js';

/** Where a team is stationed: near a town centre (index into the towns) or a landmark. */
type Anchor = { town: number } | { landmark: DemoLandmarkKey };

interface TeamSpec {
  name: string;
  kind: TeamKind;
  specialty: string;
  rating?: 1 | 2 | 3;
  capabilities: string[];
  headcount: [number, number];
  anchor: Anchor;
  spreadM?: number;
  /** Town-level teams sit in, and belong to, their anchor town; all others belong to the district. */
  townLevel?: boolean;
}

const D = DEMO_DISTRICT.name;
const FIRE = `${D}消防救援大队`;

/** The district's rescue forces (§7): national fire & rescue, professional, social, grassroots, medical. */
function teamSpecs(ctx: WorldContext): TeamSpec[] {
  const short = (i: number): string => ctx.townSpecs[i].short;
  const fire: TeamSpec[] = [
    { name: `${FIRE}特勤站`, kind: 'fire_rescue', specialty: 'collapsed_structure', capabilities: ['firefighting', 'breaching', 'life_detection', 'rope_rescue', 'hydraulic_rescue'], headcount: [40, 50], anchor: { town: 0 } },
    { name: `${FIRE}${short(1)}消防救援站`, kind: 'fire_rescue', specialty: 'general', capabilities: ['firefighting', 'breaching', 'aerial_ladder', 'first_aid'], headcount: [25, 32], anchor: { town: 1 } },
    { name: `${FIRE}${short(3)}消防救援站`, kind: 'fire_rescue', specialty: 'general', capabilities: ['firefighting', 'breaching', 'first_aid'], headcount: [22, 30], anchor: { town: 3 } },
    { name: `${FIRE}化工园区消防救援站`, kind: 'fire_rescue', specialty: 'hazmat', capabilities: ['firefighting', 'foam_suppression', 'hazmat_detection', 'decontamination'], headcount: [30, 38], anchor: { landmark: 'chemicalPlant' }, spreadM: 700 },
    { name: `${FIRE}${short(6)}消防救援站`, kind: 'fire_rescue', specialty: 'water_rescue', capabilities: ['firefighting', 'water_rescue', 'boat', 'diving'], headcount: [22, 30], anchor: { town: 6 } },
    { name: `${FIRE}${short(9)}消防救援站`, kind: 'fire_rescue', specialty: 'general', capabilities: ['firefighting', 'water_supply', 'first_aid'], headcount: [18, 26], anchor: { town: 9 } },
  ];
  const professional: TeamSpec[] = [
    { name: `${D}防汛抢险专业队`, kind: 'professional', specialty: 'flood', capabilities: ['pump_drainage', 'sandbagging', 'boat', 'lighting', 'levee_repair'], headcount: [40, 60], anchor: { landmark: 'riverbank' }, spreadM: 1500 },
    { name: '淄河河务管理站防汛抢险队', kind: 'professional', specialty: 'flood', capabilities: ['levee_repair', 'sandbagging', 'pump_drainage'], headcount: [25, 35], anchor: { landmark: 'riverbank' }, spreadM: 3000 },
    { name: `${D}森林消防专业队`, kind: 'professional', specialty: 'forest_fire', capabilities: ['forest_firefighting', 'water_supply', 'firebreak', 'drone'], headcount: [30, 40], anchor: { landmark: 'forestPark' }, spreadM: 1500 },
    { name: '牛山林场专业扑火队', kind: 'professional', specialty: 'forest_fire', capabilities: ['forest_firefighting', 'firebreak'], headcount: [18, 26], anchor: { landmark: 'forestPark' }, spreadM: 800 },
    { name: '齐都化工园区危化品应急救援队', kind: 'professional', specialty: 'hazmat', capabilities: ['hazmat_detection', 'leak_sealing', 'decontamination', 'foam_suppression'], headcount: [30, 40], anchor: { landmark: 'chemicalPlant' }, spreadM: 900 },
    { name: `${D}地震地质灾害应急救援队`, kind: 'professional', specialty: 'collapsed_structure', capabilities: ['life_detection', 'breaching', 'shoring', 'heavy_lifting'], headcount: [30, 45], anchor: { town: 2 } },
    { name: '国网齐都供电公司电力应急抢修队', kind: 'professional', specialty: 'power', capabilities: ['power_restoration', 'generator', 'lighting'], headcount: [25, 35], anchor: { town: 3 } },
    { name: `${D}市政排水抢险队`, kind: 'professional', specialty: 'flood', capabilities: ['pump_drainage', 'lighting', 'road_clearance'], headcount: [20, 30], anchor: { town: 0 } },
    { name: `${D}交通工程应急抢险队`, kind: 'professional', specialty: 'engineering', capabilities: ['heavy_lifting', 'road_clearance', 'bridge_repair'], headcount: [25, 35], anchor: { landmark: 'expresswayInterchange' }, spreadM: 1500 },
    { name: '齐鲁矿山救护队齐都中队', kind: 'professional', specialty: 'mine_rescue', capabilities: ['mine_rescue', 'gas_detection', 'breathing_apparatus', 'life_detection'], headcount: [20, 28], anchor: { town: 8 } },
    { name: '齐都通用航空应急救援队', kind: 'professional', specialty: 'aviation', capabilities: ['helicopter', 'aerial_survey', 'drone'], headcount: [12, 18], anchor: { town: 4 } },
  ];
  const social: TeamSpec[] = [
    { name: `${D}蓝天救援队`, kind: 'social', specialty: 'water_rescue', rating: 1, capabilities: ['water_rescue', 'boat', 'rope_rescue', 'drone', 'first_aid'], headcount: [30, 45], anchor: { town: 1 } },
    { name: '齐都曙光救援队', kind: 'social', specialty: 'collapsed_structure', rating: 2, capabilities: ['life_detection', 'breaching', 'rope_rescue'], headcount: [20, 30], anchor: { town: 2 } },
    { name: `${D}红十字水上救援队`, kind: 'social', specialty: 'water_rescue', rating: 2, capabilities: ['water_rescue', 'diving', 'first_aid'], headcount: [15, 25], anchor: { town: 6 } },
    { name: '齐都山地救援队', kind: 'social', specialty: 'mountain', rating: 2, capabilities: ['mountain_rescue', 'rope_rescue', 'search'], headcount: [15, 22], anchor: { town: 7 } },
    { name: '齐都潜水救援志愿队', kind: 'social', specialty: 'water_rescue', rating: 3, capabilities: ['diving', 'water_rescue'], headcount: [8, 15], anchor: { town: 5 } },
    { name: `${D}应急医疗志愿服务队`, kind: 'social', specialty: 'medical', rating: 3, capabilities: ['first_aid', 'triage'], headcount: [15, 25], anchor: { town: 0 } },
    { name: '稷下飞鹰救援队', kind: 'social', specialty: 'general', rating: 3, capabilities: ['search', 'first_aid', 'logistics'], headcount: [10, 20], anchor: { town: 1 } },
    { name: '齐都无人机应急救援队', kind: 'social', specialty: 'general', rating: 2, capabilities: ['drone', 'aerial_survey', 'search'], headcount: [8, 14], anchor: { town: 3 } },
  ];
  const grassroots: TeamSpec[] = ctx.towns.map((town, i) => ({
    name: `${town.name}综合应急救援队`,
    kind: 'grassroots' as const,
    specialty: 'general',
    capabilities: ['first_aid', 'evacuation', 'sandbagging', 'firefighting'],
    headcount: [15, 30] as [number, number],
    anchor: { town: i },
    townLevel: true,
  }));
  [0, 1, 2].forEach((i, k) => {
    grassroots.push({
      name: `${ctx.towns[i].name}${COMMUNITY_NAMES[k]}社区应急服务队`,
      kind: 'grassroots',
      specialty: 'general',
      capabilities: ['evacuation', 'first_aid'],
      headcount: [8, 15],
      anchor: { town: i },
      spreadM: 1800,
      townLevel: true,
    });
  });
  const medical: TeamSpec[] = [
    { name: `${D}急救中心`, kind: 'medical', specialty: 'medical', capabilities: ['ambulance', 'first_aid', 'triage'], headcount: [20, 30], anchor: { town: 0 } },
    { name: `${D}人民医院紧急医学救援队`, kind: 'medical', specialty: 'medical', capabilities: ['field_hospital', 'surgery', 'triage'], headcount: [25, 35], anchor: { town: 2 } },
    { name: `${D}中医院医疗救援队`, kind: 'medical', specialty: 'medical', capabilities: ['ambulance', 'first_aid'], headcount: [12, 20], anchor: { town: 3 } },
    { name: `${D}疾病预防控制中心卫生应急队`, kind: 'medical', specialty: 'public_health', capabilities: ['epidemic_control', 'disinfection', 'sampling'], headcount: [12, 18], anchor: { town: 1 } },
    { name: `${ctx.towns[7].name}中心卫生院急救站`, kind: 'medical', specialty: 'medical', capabilities: ['ambulance', 'first_aid'], headcount: [6, 10], anchor: { town: 7 }, townLevel: true },
  ];
  return [...fire, ...professional, ...social, ...grassroots, ...medical];
}

const anchorPoint = (ctx: WorldContext, anchor: Anchor): Vec => ('town' in anchor ? ctx.hubs[anchor.town] : LANDMARK_OFFSETS_M[anchor.landmark]);

/** ~43 teams at road nodes near their anchors; a few are out of service, the rest available at home. */
export function buildTeams(rng: Rng, ctx: WorldContext, picker: SitePicker): DemoTeam[] {
  const specs = teamSpecs(ctx);
  const outOfService = new Set(
    rng
      .shuffle(specs.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== 'grassroots'))
      .slice(0, 3)
      .map(({ i }) => i),
  );
  return specs.map((spec, i) => {
    const townIndex = spec.townLevel && 'town' in spec.anchor ? spec.anchor.town : undefined;
    const urbanAnchor = 'town' in spec.anchor && ctx.townSpecs[spec.anchor.town].urban;
    const site = picker.pick(rng, anchorPoint(ctx, spec.anchor), { spreadM: spec.spreadM ?? (urbanAnchor ? 1200 : 700), townIndex });
    return {
      id: stableUuid(ctx.seed, 'team', i),
      name: spec.name,
      kind: spec.kind,
      specialty: spec.specialty,
      rating: spec.kind === 'social' ? (spec.rating ?? 3) : null,
      capabilities: spec.capabilities,
      headcount: rng.int(spec.headcount[0], spec.headcount[1]),
      jurisdictionId: townIndex === undefined ? ctx.district.id : ctx.towns[site.townIndex].id,
      status: outOfService.has(i) ? 'unavailable' : 'available',
      location: site.location,
      homeStation: { ...site.location },
    };
  });
}
