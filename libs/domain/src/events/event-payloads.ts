import type { AckEscalationTarget } from '../ack/ack-policy.js';
import type { CallDto, CallSource, Grade, GradeBasis, IncidentDto, IncidentFigures, IncidentStatus } from '../contracts/incidents.js';
import type { LngLat } from '../contracts/geo.js';
import type { ShelterDto, TeamDto, WarehouseDto } from '../contracts/resources.js';
import type { OfficerGradeDirection } from '../grading/grade-change.js';

// Who did it and when travel on the envelope (actor, at). Every incident/call event carries the
// incident as it is after the change, so a client updates its cache without a refetch; the other
// fields say what changed and why. These shapes follow what apps/api emits.

/** Carried by every incident.* and call.* event: the incident after the change. */
export interface IncidentEventBase {
  incident: IncidentDto;
}

export interface TeamUpdatedPayload {
  team: TeamDto;
  /** Names of the TeamDto fields that changed, e.g. ['status', 'location']. */
  changed: string[];
}

export interface ShelterUpdatedPayload {
  shelter: ShelterDto;
  changed: string[];
}

export interface WarehouseUpdatedPayload {
  warehouse: WarehouseDto;
  changed: string[];
}

/** A call arrived; call.linkReason is non-null when it joined an existing incident. */
export interface CallReceivedPayload extends IncidentEventBase {
  call: CallDto;
}

/** An officer marked a call "duplicate of" another incident; `incident` is the one it joined. */
export interface CallLinkedPayload extends IncidentEventBase {
  call: CallDto;
  fromIncidentId: string;
  reason: string;
}

/** A call was taken out of `incident` into a new incident `to`. */
export interface CallSplitPayload extends IncidentEventBase {
  callId: string;
  to: string;
  toCode: string;
  reason: string;
}

export interface IncidentCreatedPayload extends IncidentEventBase {
  /** The call that opened it. */
  call: CallDto;
  /** Set when it was created by splitting a call out of that incident. */
  splitFrom?: string;
  splitFromCode?: string;
  /** The officer's reason for the split. */
  reason?: string;
}

export interface IncidentUpdatedPayload extends IncidentEventBase {
  /** IncidentDto field names, e.g. ['type', 'figures']. */
  changed: string[];
  reason: string | null;
  /** The figures the officer entered, when figures changed. */
  figures: Partial<IncidentFigures> | null;
  /**
   * What each corrected field was before (the event's incident is what it became); figures only those
   * entered. Absent from events written before 2026-11-25.
   */
  before?: {
    category?: IncidentDto['category'];
    type?: IncidentDto['type'];
    address?: string | null;
    title?: string;
    location?: LngLat | null;
    figures?: Partial<Record<keyof IncidentFigures, number | null>>;
  };
}

export interface IncidentAcknowledgedPayload extends IncidentEventBase {
  /** Display name of who acknowledged (the actor has the id). */
  by: string;
  /** How far escalation had gone when the acknowledgement came (0, 1, 2). */
  overdueLevel: number;
}

export interface IncidentAckOverduePayload extends IncidentEventBase {
  level: 1 | 2;
  target: AckEscalationTarget;
}

export interface IncidentStatusChangedPayload extends IncidentEventBase {
  from: IncidentStatus;
  to: IncidentStatus;
  reason: string;
}

/** The figures raised the grade (automatic; never a lowering). */
export interface IncidentGradeRaisedPayload extends IncidentEventBase {
  from: Grade | null;
  to: Grade;
  basis: GradeBasis;
}

/** An officer set the grade, in either direction. */
export interface IncidentGradeChangedPayload extends IncidentEventBase {
  from: Grade | null;
  to: Grade | null;
  direction: OfficerGradeDirection;
  reason: string;
  /** What the figures give, for contrast. */
  computed: Grade | null;
}

interface MergeFacts {
  mergeId: string;
  movedCallIds: string[];
  reason: string;
}

/**
 * incident.merged is recorded twice: on the incident merged away (`into` set) and on the one that
 * absorbed it (`from` set). Narrow with `payload.into !== undefined`.
 */
export type IncidentMergedPayload =
  | (IncidentEventBase & MergeFacts & { into: string; intoCode: string; from?: never; fromCode?: never })
  | (IncidentEventBase & MergeFacts & {
      from: string;
      fromCode: string;
      /** True when the absorbed incident's acknowledgement clock was further along and the target took it (ackAfterMerge). */
      ackTakenFromSource?: boolean;
      into?: never;
      intoCode?: never;
    });

/**
 * incident.unmerged is recorded on the restored incident (`from`: where it had been merged) and
 * on the one that gave the calls back (`restored`: the incident restored).
 */
export type IncidentUnmergedPayload =
  | (IncidentEventBase & { mergeId: string; reason: string; from: string; fromCode?: string; restored?: never })
  | (IncidentEventBase & { mergeId: string; reason: string; restored: string; restoredCode?: string; from?: never });

/** Someone at the command center has seen a grade raise: its loud alert ends on every console. */
export interface IncidentGradeRaiseSeenPayload extends IncidentEventBase {
  /** Seq of the raise seen (incident.grade_raised, or an officer's incident.grade_changed upwards); older raises are seen with it. */
  raiseSeq: number;
  /** Display name of who saw it (the actor has the id). */
  by: string;
}

/** Never carries the key itself. */
export interface IntakeKeyCreatedPayload {
  id: string;
  source: CallSource;
  label: string;
  keyPrefix: string;
}

export interface IntakeKeyRevokedPayload {
  id: string;
  source: CallSource;
  label: string;
}

export interface SystemTimerFiredPayload {
  note: string;
  firedBy: string | null;
}
