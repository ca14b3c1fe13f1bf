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

/** The duty desk (值班席): those who take calls and answer for the intake queue. */
export const DESK_ROLES = ['duty_officer', 'shift_leader'] as const satisfies readonly Role[];

/**
 * Who may do each command-center action. The API's guards (@Roles) and the console's buttons and
 * shortcuts read the same lists, so a console never offers what the server would refuse with 403.
 */
export const ACTION_ROLES = {
  /** 签收 a new incident. */
  acknowledge: DESK_ROLES,
  /** Correct category, type, location and figures (PATCH). */
  editIncident: DESK_ROLES,
  /** Move the incident along its lifecycle: the desk, the leader, and the commander on site. */
  transition: [...DESK_ROLES, 'leader', 'commander'],
  /** Set (or lower, with a reason) the grade: the desk and the leader who answers for it. */
  setGrade: [...DESK_ROLES, 'leader'],
  /** Merge two incidents, undo a merge, split a call out (each with a reason). */
  merge: DESK_ROLES,
  unmerge: DESK_ROLES,
  splitCall: DESK_ROLES,
  /** Enter a call by hand (source manual). */
  manualCall: DESK_ROLES,
  /** Change a team's status or position. */
  updateTeam: DESK_ROLES,
  /** Mark a grade raise seen for the whole center: the desks and the leaders, not a commander's tablet. */
  markGradeRaiseSeen: [...DESK_ROLES, 'leader'],
} as const satisfies Record<string, readonly Role[]>;

export type CommandAction = keyof typeof ACTION_ROLES;

/** Whether any of the user's roles may do `action` (jurisdiction is checked where the incident is known). */
export function mayDo(user: WithRoles, action: CommandAction): boolean {
  return hasAnyRole(user, ACTION_ROLES[action]);
}

/** A duty officer or shift leader whose visible jurisdictions include the incident's. */
export function canAcknowledgeIncident(user: WithRoles, incidentJurisdictionId: string, visibleJurisdictionIds: ReadonlySet<string>): boolean {
  return mayDo(user, 'acknowledge') && visibleJurisdictionIds.has(incidentJurisdictionId);
}
