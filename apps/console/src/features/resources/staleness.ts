import type { ShelterDto, TeamDto } from '@beacon/domain';

/**
 * When each kind of data counts as stale, in seconds. A team on the move must report often;
 * one standing by at its station changes rarely. Tune here, one place.
 */
export const STALE_AFTER_S = {
  teamMoving: 10 * 60,
  teamIdle: 12 * 3600,
  shelterOpen: 60 * 60,
  shelterClosed: 7 * 24 * 3600,
  warehouse: 7 * 24 * 3600,
} as const;

const MOVING: ReadonlySet<TeamDto['status']> = new Set(['dispatched', 'en_route', 'on_scene', 'returning']);

export function teamStaleAfter(team: TeamDto): number {
  return MOVING.has(team.status) ? STALE_AFTER_S.teamMoving : STALE_AFTER_S.teamIdle;
}

export function shelterStaleAfter(shelter: ShelterDto): number {
  return shelter.status === 'closed' ? STALE_AFTER_S.shelterClosed : STALE_AFTER_S.shelterOpen;
}
