import type { LngLat } from '../contracts/geo.js';
import type { CallSource, IncidentCategory, IncidentStatus, IncidentType, LinkReason } from '../contracts/incidents.js';

export interface CallForLinking {
  source: CallSource;
  externalId: string;
  receivedAt: Date;
  location?: (LngLat & { accuracyM?: number | null }) | null;
  category?: IncidentCategory | null;
  type?: IncidentType | null;
  /** Other sources' case ids this call refers to. */
  relatedExternalIds?: readonly string[];
}

/** One call already on an incident, as far as linking needs it. */
export interface IncidentExternalRef {
  source: CallSource;
  externalId: string;
  /** What that call cross-referenced, so a later call it pointed at finds it too. */
  relatedExternalIds?: readonly string[];
}

export interface IncidentForLinking {
  id: string;
  status: IncidentStatus;
  location: LngLat | null;
  locationAccuracyM?: number | null;
  category: IncidentCategory | null;
  type: IncidentType | null;
  /** Earliest call; lets a late-delivered call land inside a long incident. Defaults to lastCallAt. */
  firstCallAt?: Date;
  lastCallAt: Date;
  /**
   * Its calls' case ids. With `sources` given, only the refs that could match the calls being linked
   * are needed (those whose id the calls name, or that name a call's id): a busy incident may hold
   * hundreds of calls, and reading them all for every nearby call made a surge slower by the minute.
   */
  externalRefs: readonly IncidentExternalRef[];
  /** The sources of all its calls; defaults to those of externalRefs. */
  sources?: readonly CallSource[];
}

export interface LinkCandidate {
  incidentId: string;
  reason: LinkReason;
}
