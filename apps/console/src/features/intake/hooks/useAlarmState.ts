import { useSession } from '../../auth/session';
import { useQueue } from '../../incident/hooks/useQueue';
import { useGradeRaises } from '../api/gradeRaises';
import type { AlarmPattern } from '../alarm/audio';
import { useMuted } from '../alarm/muteStore';
import { raisesForDesk } from '../alarm/raisesForDesk';

/** What the alarm should be doing right now, derived from server state. */
export function useAlarmState() {
  const { unacked } = useQueue();
  const raises = useGradeRaises();
  const selfId = useSession()?.user.id ?? null;
  const muted = useMuted();
  // Overdue acknowledgements come from the incidents themselves: a reload still shows them.
  const overdue = unacked.filter((i) => i.ackOverdueLevel > 0);
  // Grade raises are the command center's until someone marks them seen.
  const alerts = raisesForDesk(raises.data?.alerts ?? [], selfId);
  // Not knowing them is itself loud: a raise may be waiting.
  const raisesUnknown = raises.isError && !raises.data;
  const loud = alerts.length > 0 || overdue.length > 0 || raisesUnknown;
  const on = unacked.length > 0 || loud;
  const pattern: AlarmPattern = !on || muted ? 'none' : loud ? 'loud' : 'new';
  return { on, loud, muted, pattern, unacked, overdue, alerts, raisesUnknown };
}
