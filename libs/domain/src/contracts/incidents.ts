import type { LngLat } from './geo.js';
import type { EventEnvelope } from './events.js';

export const CALL_SOURCES = ['110', '119', '120', 'manual'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

export const INCIDENT_CATEGORIES = ['NATURAL', 'ACCIDENT', 'HEALTH', 'SOCIAL'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_TYPES = {
  NATURAL: ['flood', 'drought', 'meteorological', 'earthquake', 'geological', 'marine', 'biological', 'forest_fire'],
  ACCIDENT: ['industrial', 'fire', 'road_traffic', 'hazmat', 'building_collapse', 'public_facility', 'nuclear_radiation', 'pollution'],
  HEALTH: ['epidemic', 'cluster_illness', 'food_safety', 'occupational', 'animal_epidemic'],
  SOCIAL: ['terrorism', 'major_crime', 'mass_incident', 'foreign_related', 'economic_security'],
} as const satisfies Record<IncidentCategory, readonly string[]>;
export type IncidentType = (typeof INCIDENT_TYPES)[IncidentCategory][number];

export const GRADES = ['I', 'II', 'III', 'IV'] as const;
export type Grade = (typeof GRADES)[number];

export const INCIDENT_STATUSES = ['reported', 'acknowledged', 'responding', 'controlled', 'closed', 'merged'] as const;

/** GET /api/incidents?q=: shorter terms match half the log, longer ones are no incident's number, title or address. */
export const INCIDENT_SEARCH_LENGTH = { min: 2, max: 100 } as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The figures grading reads. Every field is "the highest reported so far". */
export interface Casualties {
  deaths: number;
  seriousInjuries: number;
  injured: number;
  missing: number;
  trapped: number;
}

export interface IncidentFigures extends Casualties {
  economicLossCny: number | null;
  burnedAreaHa: number | null;
  magnitude: number | null;
  relocated: number | null;
}

export interface GradeBasis {
  /** Which table: 'decree_493' | 'forest_fire' | 'earthquake' | 'natural_relief' | 'officer'. */
  table: string;
  /** Which criterion reached the grade, e.g. 'deaths', 'seriousInjuries', 'economicLossCny', 'magnitude'. */
  criterion: string;
  /** The figure that met it. */
  value: number | null;
  /** Human-readable reason, zh-CN first; for officer judgements, the officer's reason. */
  reason: string;
  /** Set when an officer set the grade. */
  setBy?: string;
}

export interface IntakeCallRequest {
  source: CallSource;
  externalId: string;
  receivedAt: string;
  caller?: { phone?: string; name?: string };
  location?: LngLat & { accuracyM?: number };
  address?: string;
  category?: IncidentCategory;
  type?: IncidentType;
  description?: string;
  casualties?: Partial<Casualties>;
  economicLossCny?: number;
  burnedAreaHa?: number;
  magnitude?: number;
  /** Another source's case id this call refers to (报告并联 cross-reference). */
  relatedExternalIds?: string[];
}

export interface IntakeCallResponse {
  callId: string;
  incidentId: string;
  linked: boolean;
  linkReason?: LinkReason;
}

export interface LinkReason {
  rule: 'external_reference' | 'proximity' | 'officer';
  distanceM?: number;
  minutes?: number;
  detail: string;
}

export interface CallDto {
  id: string;
  source: CallSource;
  externalId: string;
  receivedAt: string;
  /** The source's own receivedAt when it was not believable (ahead of the server's clock, or more than a week before it); receivedAt is then when the server took the call. */
  reportedReceivedAt: string | null;
  caller: { phone?: string; name?: string } | null;
  location: (LngLat & { accuracyM?: number }) | null;
  address: string | null;
  category: IncidentCategory | null;
  type: IncidentType | null;
  description: string | null;
  casualties: Partial<Casualties> | null;
  incidentId: string;
  linkReason: LinkReason | null;
  createdAt: string;
}

export interface IncidentDto {
  id: string;
  /** Human code, e.g. 'INC-20261123-0007'. */
  code: string;
  title: string;
  status: IncidentStatus;
  category: IncidentCategory | null;
  type: IncidentType | null;
  grade: Grade | null;
  gradeBasis: GradeBasis | null;
  location: LngLat | null;
  address: string | null;
  jurisdictionId: string;
  figures: IncidentFigures;
  sources: CallSource[];
  callCount: number;
  createdAt: string;
  lastCallAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackDeadlineAt: string | null;
  /** 0 none, 1 shift leader alerted, 2 leader alerted. */
  ackOverdueLevel: number;
  mergedInto: string | null;
  version: number;
}

export interface IncidentHistoryEntry {
  seq: number;
  type: string;
  at: string;
  actor: { type: string; id: string | null; name: string | null };
  payload: unknown;
}

export interface IncidentDetailDto extends IncidentDto {
  calls: CallDto[];
  history: IncidentHistoryEntry[];
}

export interface UpdateIncidentRequest {
  category?: IncidentCategory;
  type?: IncidentType;
  location?: LngLat;
  address?: string;
  figures?: Partial<IncidentFigures>;
  title?: string;
  reason?: string;
}

export interface TransitionIncidentRequest {
  to: IncidentStatus;
  reason: string;
}

export interface SetGradeRequest {
  grade: Grade | null;
  reason: string;
}

export interface MergeIncidentRequest {
  targetIncidentId: string;
  reason: string;
}

export interface SplitCallRequest {
  reason: string;
}

/**
 * A grade raise nobody at the command center has marked seen yet (GET /api/incidents/grade-raises):
 * the loud alert every console shows until one officer marks it seen.
 */
export interface GradeRaiseAlertDto {
  /** Seq of the raise's event: what POST /api/incidents/:id/grade-raises/seen names. */
  seq: number;
  at: string;
  /** `figures`: new figures raised it (incident.grade_raised); `officer`: an officer raised it (incident.grade_changed). */
  cause: 'figures' | 'officer';
  from: Grade | null;
  to: Grade | null;
  /** Who raised it: the intake source, an officer, or the system. */
  actor: EventEnvelope['actor'];
  /** The incident as it is now. */
  incident: IncidentDto;
}

export interface GradeRaiseSeenRequest {
  /** The raise seen (GradeRaiseAlertDto.seq); older raises of the incident are seen with it. */
  seq: number;
}

export interface GradeRaiseSeenDto {
  incidentId: string;
  raiseSeq: number;
  /** Display name of who marked it seen: this caller, or whoever marked it (or a newer raise) before. */
  by: string;
  at: string;
  /** False when it had been marked seen already: nothing new was recorded. */
  recorded: boolean;
}
