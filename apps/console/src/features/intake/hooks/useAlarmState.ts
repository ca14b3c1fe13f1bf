import { NO_ALARM_AUDIENCE, alarmAudience } from '@beacon/domain';
import { useMemo } from 'react';
import { useSession } from '../../auth/session';
import { useQueue } from '../../incident/hooks/useQueue';
import { useGradeRaises } from '../api/gradeRaises';
import { alarmFor, type Alarm } from '../alarm/alarmFor';
import { useMuted } from '../alarm/muteStore';
import { raisesForDesk } from '../alarm/raisesForDesk';

/**
 * What the alarm should be doing right now, derived from server state and who is signed in; `loaded`
 * once the queue and the raises are in (until then a cause may only be arriving, not new).
 */
export function useAlarmState(): Alarm & { loaded: boolean } {
  const { unacked, isSuccess: queueLoaded } = useQueue();
  const raises = useGradeRaises();
  const user = useSession()?.user ?? null;
  const muted = useMuted();
  const audience = useMemo(() => (user ? alarmAudience(user) : NO_ALARM_AUDIENCE), [user]);
  const alarm = alarmFor(audience, {
    unacked,
    // Grade raises are the command center's until someone marks them seen.
    raises: raisesForDesk(raises.data?.alerts ?? [], user?.id ?? null),
    raisesUnknown: raises.isError && !raises.data,
    muted,
  });
  return { ...alarm, loaded: queueLoaded && !raises.isPending };
}
