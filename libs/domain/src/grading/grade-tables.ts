import type { Grade } from '../contracts/incidents.js';
import type { GradeCriterion } from './grade-criteria.js';

export const GRADE_TABLE_IDS = ['decree_493', 'forest_fire', 'earthquake', 'natural_relief'] as const;
export type GradeTableId = (typeof GRADE_TABLE_IDS)[number];

/** A figure reaches `grade` when it is ≥ min (> min when minExclusive: "any at all" is > 0). */
export interface GradeThreshold {
  readonly grade: Grade;
  readonly min: number;
  readonly minExclusive?: boolean;
}

export interface GradeCriterionRule {
  readonly criterion: GradeCriterion;
  /** Most severe first; each band ends where the one above begins. */
  readonly thresholds: readonly GradeThreshold[];
  /** Words put before the range in a reason, e.g. '人口较密集地区'. */
  readonly qualifier?: string;
}

/** One grading table. Plain data so it can later come from per-jurisdiction configuration. */
export interface GradeTable {
  readonly id: GradeTableId;
  /** zh-CN name of the statute or plan. */
  readonly source: string;
  /** zh-CN noun after the grade word: '较大' + '事故'. */
  readonly noun: string;
  /** In table order; on a tie of grades the earlier criterion is the basis. */
  readonly criteria: readonly GradeCriterionRule[];
  /** Grade when no criterion is met (an accident that happened is at least IV); null = ungraded. */
  readonly floor: Grade | null;
  readonly floorReason?: string;
}

export type GradeTables = Readonly<Record<GradeTableId, GradeTable>>;

const ANY = 0;

/** Decree 493 Art. 3 — every ACCIDENT type. */
export const DECREE_493_TABLE: GradeTable = {
  id: 'decree_493',
  source: '生产安全事故报告和调查处理条例（国务院令第493号）第三条',
  noun: '事故',
  criteria: [
    { criterion: 'deaths', thresholds: [{ grade: 'I', min: 30 }, { grade: 'II', min: 10 }, { grade: 'III', min: 3 }, { grade: 'IV', min: ANY, minExclusive: true }] },
    { criterion: 'seriousInjuries', thresholds: [{ grade: 'I', min: 100 }, { grade: 'II', min: 50 }, { grade: 'III', min: 10 }, { grade: 'IV', min: ANY, minExclusive: true }] },
    { criterion: 'economicLossCny', thresholds: [{ grade: 'I', min: 100_000_000 }, { grade: 'II', min: 50_000_000 }, { grade: 'III', min: 10_000_000 }, { grade: 'IV', min: ANY, minExclusive: true }] },
  ],
  floor: 'IV',
  floorReason: '事故已发生，伤亡和损失未达到较大事故标准，按一般事故',
};

/** 森林防火条例 (2008) Art. 40 — NATURAL forest_fire. */
export const FOREST_FIRE_TABLE: GradeTable = {
  id: 'forest_fire',
  source: '森林防火条例（2008）第四十条',
  noun: '森林火灾',
  criteria: [
    { criterion: 'burnedAreaHa', thresholds: [{ grade: 'I', min: 1000 }, { grade: 'II', min: 100 }, { grade: 'III', min: 1 }, { grade: 'IV', min: ANY, minExclusive: true }] },
    { criterion: 'deaths', thresholds: [{ grade: 'I', min: 30 }, { grade: 'II', min: 10 }, { grade: 'III', min: 3 }, { grade: 'IV', min: ANY, minExclusive: true }] },
    { criterion: 'seriousInjuries', thresholds: [{ grade: 'I', min: 100 }, { grade: 'II', min: 50 }, { grade: 'III', min: 10 }, { grade: 'IV', min: ANY, minExclusive: true }] },
  ],
  // "受害森林面积在1公顷以下或者其他林地起火的" is 一般: a reported forest fire is at least IV.
  floor: 'IV',
  floorReason: '已发生森林火灾，未达到较大森林火灾标准，按一般森林火灾',
};

/**
 * 国家地震应急预案 (2012) [secondary]. The magnitude column is the plan's 人口较密集地区 one; the
 * 人口密集地区 column sits one band lower and belongs in per-jurisdiction configuration.
 */
export const EARTHQUAKE_TABLE: GradeTable = {
  id: 'earthquake',
  source: '国家地震应急预案（2012）',
  noun: '地震灾害',
  criteria: [
    { criterion: 'deathsAndMissing', thresholds: [{ grade: 'I', min: 300 }, { grade: 'II', min: 50 }, { grade: 'III', min: 10 }, { grade: 'IV', min: ANY, minExclusive: true }] },
    {
      criterion: 'magnitude',
      qualifier: '人口较密集地区',
      // Below 4.0 gives no magnitude grade at all.
      thresholds: [{ grade: 'I', min: 7.0 }, { grade: 'II', min: 6.0 }, { grade: 'III', min: 5.0 }, { grade: 'IV', min: 4.0 }],
    },
  ],
  floor: null,
};

/**
 * 国家自然灾害救助应急预案 relief-response levels 1–3, read as grades I–III for the other NATURAL types
 * [law for level 1, secondary below]. domain-rules §1: "the relief-response figures (dead + missing,
 * relocated) where given, else the officer's judgement" — so below level 3, and for figures the plan
 * does not count (injuries, trapped, losses), no grade is computed: the officer grades, with a reason.
 */
export const NATURAL_RELIEF_TABLE: GradeTable = {
  id: 'natural_relief',
  source: '国家自然灾害救助应急预案（2024）',
  noun: '自然灾害',
  criteria: [
    { criterion: 'deathsAndMissing', thresholds: [{ grade: 'I', min: 200 }, { grade: 'II', min: 100 }, { grade: 'III', min: 50 }] },
    { criterion: 'relocated', thresholds: [{ grade: 'I', min: 2_000_000 }, { grade: 'II', min: 1_000_000 }, { grade: 'III', min: 500_000 }] },
  ],
  floor: null,
};

export const DEFAULT_GRADE_TABLES: GradeTables = {
  decree_493: DECREE_493_TABLE,
  forest_fire: FOREST_FIRE_TABLE,
  earthquake: EARTHQUAKE_TABLE,
  natural_relief: NATURAL_RELIEF_TABLE,
};
