import { useSession } from '../../auth/session';
import { useQueue } from '../../incident/hooks/useQueue';
import { useGradeRaises } from '../api/gradeRaises';
import type { AlarmPattern } from '../alarm/audio';
import { useMuted } from '../alarm/muteStore';

/** What the alarm should be doing right now, derived from server state. */
export function useAlarmState() {
  const { unacked } = useQueue();
  const { data: raises } = useGradeRaises();
  const selfId = useSession()?.user.id ?? null;
  const muted = useMuted();
  // Overdue acknowledgements come from the incidents themselves: a reload still shows them.
  const overdue = unacked.filter((i) => i.ackOverdueLevel > 0);
  // Grade raises are the command center's, until someone marks them seen; an officer's own raise
  // does not sound at their own desk.
  const alerts = (raises ?? []).filter((a) => !(a.cause === 'officer' && a.actor.id === selfId));
  const loud = alerts.length > 0 || overdue.length > 0;
  const on = unacked.length > 0 || loud;
  const pattern: AlarmPattern = !on || muted ? 'none' : loud ? 'loud' : 'new';
  return { on, loud, muted, pattern, unacked, overdue, alerts };
}
