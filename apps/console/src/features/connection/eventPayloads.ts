import type { CallDto, Grade, GradeBasis, IncidentDto, ShelterDto, TeamDto, WarehouseDto } from '@beacon/domain';

/**
 * Payload shapes the console reads, per the wire contract in the brief. Defined locally:
 * libs/domain's EventPayloadMap was not available when this was written.
 */
export interface TeamUpdatedPayload {
  team: TeamDto;
  changed: string[];
}
export interface ShelterUpdatedPayload {
  shelter: ShelterDto;
}
export interface WarehouseUpdatedPayload {
  warehouse: WarehouseDto;
}
export interface IncidentEventPayload {
  incident: IncidentDto;
  call?: CallDto;
}
export interface GradeRaisedPayload extends IncidentEventPayload {
  from: Grade | null;
  to: Grade | null;
  basis: GradeBasis;
}
export interface AckOverduePayload extends IncidentEventPayload {
  level: 1 | 2;
  target: 'shift_leader' | 'leader';
}

export function has<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && key in value;
}
