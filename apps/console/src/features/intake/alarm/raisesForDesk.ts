import type { GradeRaiseAlertDto } from '@beacon/domain';

/** The raises that sound at this desk: all of the center's, but an officer's own raise at their own desk. */
export function raisesForDesk(alerts: readonly GradeRaiseAlertDto[], selfId: string | null): GradeRaiseAlertDto[] {
  return alerts.filter((a) => !(a.cause === 'officer' && a.actor.id !== null && a.actor.id === selfId));
}
