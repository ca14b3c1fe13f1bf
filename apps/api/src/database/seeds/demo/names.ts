/** Fixed identity of the demo jurisdictions (GB/T 2260-style codes; the district and its towns are fictional). */
export const DEMO_CITY = { code: '370300', name: '淄博市' } as const;
export const DEMO_DISTRICT = { code: '370305', name: '齐都示范区' } as const;

export interface TownSpec {
  /** Last three digits of the 9-digit code: 0xx for 街道 (sub-district), 1xx for 镇 (town). */
  suffix: string;
  name: string;
  /** Name without the 街道/镇 suffix, used to name facilities. */
  short: string;
  urban: boolean;
}

/** Urban sub-districts: the first is the district seat at the origin, the rest ring it. */
export const URBAN_TOWNS: readonly TownSpec[] = [
  { suffix: '001', name: '齐都街道', short: '齐都', urban: true },
  { suffix: '002', name: '稷下街道', short: '稷下', urban: true },
  { suffix: '003', name: '闻韶街道', short: '闻韶', urban: true },
  { suffix: '004', name: '雪宫街道', short: '雪宫', urban: true },
];

/** Rural towns, in the order of their bearings: N, NE, SE, S, SW, NW. */
export const RURAL_TOWNS: readonly TownSpec[] = [
  { suffix: '100', name: '梧台镇', short: '梧台', urban: false },
  { suffix: '101', name: '葵丘镇', short: '葵丘', urban: false },
  { suffix: '102', name: '淄河镇', short: '淄河', urban: false },
  { suffix: '103', name: '牛山镇', short: '牛山', urban: false },
  { suffix: '104', name: '石槽镇', short: '石槽', urban: false },
  { suffix: '105', name: '柳店镇', short: '柳店', urban: false },
];

export const VILLAGE_SURNAMES = ['王', '李', '张', '刘', '孙', '马', '田', '高', '朱', '辛', '徐', '崔', '邢', '边', '郑', '于'] as const;
export const VILLAGE_SUFFIXES = ['家庄', '家屯', '家寨', '官庄', '家楼', '店'] as const;
export const COMMUNITY_NAMES = ['桓公', '晏婴', '管仲', '太公', '韶院', '齐园', '稷丰', '东苑', '西苑', '南关'] as const;

/** Stems for named urban streets (…路 east–west, …街 north–south). */
export const URBAN_STREET_STEMS = [
  '东风', '晏婴', '管仲', '太公', '韶院', '齐园', '稷丰', '东苑', '西苑', '南关',
  '北关', '齐兴', '齐盛', '富康', '安平', '康平', '和平', '兴学', '育才', '文化',
  '体育', '建设', '胜利', '人民', '团结', '友谊', '幸福', '光明', '民生', '工农',
  '商业', '园林', '振华', '永安', '迎宾', '宏达', '金岭', '辛店', '遄台', '天齐',
] as const;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Name of a numbered street in a town grid: 梧台路, 梧台北二路, 梧台东一街 … */
export function townStreetName(short: string, axis: 'row' | 'column', index: number): string {
  const n = NUMERALS[Math.min(Math.abs(index), NUMERALS.length) - 1] ?? '';
  if (axis === 'row') return index === 0 ? `${short}路` : `${short}${index > 0 ? '北' : '南'}${n}路`;
  return index === 0 ? `${short}街` : `${short}${index > 0 ? '东' : '西'}${n}街`;
}
