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
