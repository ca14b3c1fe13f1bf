import { useStore } from '../../../lib/store';
import { useQueue } from '../../incident/hooks/useQueue';
import { alertsStore } from '../alarm/alertsStore';
import type { AlarmPattern } from '../alarm/audio';
import { useMuted } from '../alarm/muteStore';

/** What the alarm should be doing right now, derived from server state + loud alerts. */
export function useAlarmState() {
  const { unacked } = useQueue();
  const alerts = useStore(alertsStore);
  const muted = useMuted();
  // Overdue acknowledgements come from the incidents themselves: a reload still shows them.
  const overdue = unacked.filter((i) => i.ackOverdueLevel > 0);
  const loud = alerts.length > 0 || overdue.length > 0;
  const on = unacked.length > 0 || loud;
  const pattern: AlarmPattern = !on || muted ? 'none' : loud ? 'loud' : 'new';
  return { on, loud, muted, pattern, unacked, overdue, alerts };
}
