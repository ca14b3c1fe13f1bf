import type { Grade } from '../contracts/incidents.js';
import type { LocalizedLabel } from '../i18n/localized-label.js';

/** 应急响应 levels, 1 (一级) highest. */
export type ResponseLevel = 1 | 2 | 3 | 4;

export const RESPONSE_LEVEL_LABELS: Readonly<Record<ResponseLevel, LocalizedLabel>> = {
  1: { 'zh-CN': '一级响应', en: 'Level 1 response' },
  2: { 'zh-CN': '二级响应', en: 'Level 2 response' },
  3: { 'zh-CN': '三级响应', en: 'Level 3 response' },
  4: { 'zh-CN': '四级响应', en: 'Level 4 response' },
};

const RESPONSE_LEVEL_BY_GRADE: Readonly<Record<Grade, ResponseLevel>> = { I: 1, II: 2, III: 3, IV: 4 };

/** §3: the initial response level equals the preliminary grade; later changes are officer actions. */
export function responseLevelForGrade(grade: Grade): ResponseLevel {
  return RESPONSE_LEVEL_BY_GRADE[grade];
}

/** Which level of government owns an incident by default. 'national' = State Council. */
export const OWNER_LEVELS = ['national', 'province', 'city', 'district'] as const;
export type OwnerLevel = (typeof OWNER_LEVELS)[number];

const OWNER_BY_GRADE: Readonly<Record<Grade, OwnerLevel>> = { I: 'national', II: 'province', III: 'city', IV: 'district' };

/**
 * §3 default owner: I → State Council (with the province), II → province, III → city,
 * IV → county/district. Map to a node with ownerJurisdictionId (identity/), which stops at the tree's top.
 */
export function defaultOwnerLevel(grade: Grade): OwnerLevel {
  return OWNER_BY_GRADE[grade];
}
