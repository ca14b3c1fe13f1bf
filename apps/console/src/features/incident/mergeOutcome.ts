import { ackAfterMerge, type IncidentDto } from '@beacon/domain';

type AckFields = Pick<IncidentDto, 'status' | 'ackOverdueLevel' | 'ackDeadlineAt'>;

const standing = (i: AckFields) => ({ status: i.status, ackOverdueLevel: i.ackOverdueLevel, ackDeadlineAt: i.ackDeadlineAt ? new Date(i.ackDeadlineAt) : null });

/**
 * Whether merging `source` into `target` hands the target the source's acknowledgement clock (the
 * server decides the same with ackAfterMerge): the officer is told before confirming.
 */
export function mergeTakesAckClock(source: AckFields, target: AckFields): boolean {
  return ackAfterMerge(standing(target), standing(source)) !== null;
}
