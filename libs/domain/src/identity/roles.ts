import type { Role, UserDto } from '../contracts/identity.js';
import type { LocalizedLabel } from '../i18n/localized-label.js';

export const ROLE_LABELS: Readonly<Record<Role, LocalizedLabel>> = {
  duty_officer: { 'zh-CN': '值班员', en: 'Duty officer' },
  shift_leader: { 'zh-CN': '值班长', en: 'Shift leader' },
  leader: { 'zh-CN': '带班领导', en: 'Leader on duty' },
  commander: { 'zh-CN': '现场指挥官', en: 'On-site commander' },
  team_member: { 'zh-CN': '救援队员', en: 'Team member' },
  release_drafter: { 'zh-CN': '信息发布拟稿人', en: 'Release drafter' },
  release_approver: { 'zh-CN': '信息发布审核人', en: 'Release approver' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
};

type WithRoles = Pick<UserDto, 'roles'>;

export function hasRole(user: WithRoles, role: Role): boolean {
  return user.roles.includes(role);
}

export function hasAnyRole(user: WithRoles, roles: readonly Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Desk roles that may acknowledge (签收) a new incident. */
export const ACKNOWLEDGING_ROLES: readonly Role[] = ['duty_officer', 'shift_leader'];

/** A duty officer or shift leader whose visible jurisdictions include the incident's. */
export function canAcknowledgeIncident(user: WithRoles, incidentJurisdictionId: string, visibleJurisdictionIds: ReadonlySet<string>): boolean {
  return hasAnyRole(user, ACKNOWLEDGING_ROLES) && visibleJurisdictionIds.has(incidentJurisdictionId);
}
