import { reasonWithCause } from '../incident/officer-reasons.js';
import type { IncidentType, LinkReason } from '../contracts/incidents.js';
import { isOpen } from '../incident/incident-status.js';
import { haversineM } from './geo-math.js';
import { DEFAULT_LINKING_CONFIG, effectiveRadiusM, type LinkingConfig } from './linking-config.js';
import type { CallForLinking, IncidentExternalRef, IncidentForLinking, LinkCandidate } from './linking-types.js';
import { RELATED_TYPE_GROUPS, typeCompatibility } from './type-compatibility.js';

// Haversine of two points built to be exactly r apart can land a hair above r.
const DISTANCE_TOLERANCE_M = 0.001;
const MINUTE_MS = 60_000;

interface Scored {
  incident: IncidentForLinking;
  distanceM: number | null;
  gapMinutes: number;
  reason: LinkReason;
}

/** Minutes between the call and the incident's call period (0 when it falls inside it). */
function gapMinutes(call: CallForLinking, incident: IncidentForLinking): number {
  const first = incident.firstCallAt ?? incident.lastCallAt;
  const start = Math.min(first.getTime(), incident.lastCallAt.getTime());
  const end = Math.max(first.getTime(), incident.lastCallAt.getTime());
  const at = call.receivedAt.getTime();
  const gapMs = at < start ? start - at : at > end ? at - end : 0;
  return gapMs / MINUTE_MS;
}

function distanceTo(call: CallForLinking, incident: IncidentForLinking): number | null {
  return call.location && incident.location ? haversineM(call.location, incident.location) : null;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const minutesText = (minutes: number): string => (minutes < 1 ? '间隔不到 1 分钟' : `间隔 ${Math.round(minutes)} 分钟`);

/**
 * The incident's call that this call refers to (or that refers to it), from another source. `ids`:
 * the call's own external id and those it references (built once per call, not per incident: a surge
 * batch weighs each call against every incident near any call of the batch).
 */
function matchingRef(call: CallForLinking, ids: ReadonlySet<string>, incident: IncidentForLinking): IncidentExternalRef | undefined {
  return incident.externalRefs.find(
    (ref) => ref.source !== call.source && (ids.has(ref.externalId) || (ref.relatedExternalIds?.includes(call.externalId) ?? false)),
  );
}

function externalCandidate(call: CallForLinking, ids: ReadonlySet<string>, incident: IncidentForLinking): Scored | null {
  const ref = matchingRef(call, ids, incident);
  if (ref === undefined) return null;
  const distanceM = distanceTo(call, incident);
  const minutes = gapMinutes(call, incident);
  const where = distanceM === null ? '' : `，距离 ${Math.round(distanceM)} 米`;
  const reason: LinkReason = {
    rule: 'external_reference',
    minutes: round1(minutes),
    detail: `关联 ${ref.source} 案件编号 ${ref.externalId}${where}，${minutesText(minutes)}`,
  };
  if (distanceM !== null) reason.distanceM = Math.round(distanceM);
  return { incident, distanceM, gapMinutes: minutes, reason };
}

function proximityCandidate(
  call: CallForLinking,
  incident: IncidentForLinking,
  config: LinkingConfig,
  groups: readonly (readonly IncidentType[])[],
): Scored | null {
  const distanceM = distanceTo(call, incident);
  if (distanceM === null) return null;
  const radiusM = effectiveRadiusM(call.location?.accuracyM, incident.locationAccuracyM, config);
  if (distanceM > radiusM + DISTANCE_TOLERANCE_M) return null;
  const minutes = gapMinutes(call, incident);
  if (minutes > config.windowMinutes) return null;
  const sources = incident.sources ?? incident.externalRefs.map((ref) => ref.source);
  const compatibility = typeCompatibility(
    { category: call.category ?? null, type: call.type ?? null, sources: [call.source] },
    { category: incident.category, type: incident.type, sources },
    groups,
  );
  if (!compatibility.compatible) return null;
  const radiusNote = radiusM > config.baseRadiusM ? `（含定位误差，有效半径 ${Math.round(radiusM)} 米）` : '';
  return {
    incident,
    distanceM,
    gapMinutes: minutes,
    reason: {
      rule: 'proximity',
      distanceM: Math.round(distanceM),
      minutes: round1(minutes),
      detail: `距离 ${Math.round(distanceM)} 米${radiusNote}，${minutesText(minutes)}，${compatibility.detail}`,
    },
  };
}

// Nearest first (unknown distance last), then the most recently active, then id for a stable order.
function byPreference(a: Scored, b: Scored): number {
  const da = a.distanceM ?? Number.POSITIVE_INFINITY;
  const db = b.distanceM ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  const recency = b.incident.lastCallAt.getTime() - a.incident.lastCallAt.getTime();
  if (recency !== 0) return recency;
  return a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0;
}

/**
 * Every open incident the call could join, best first: external-reference matches (regardless of
 * distance, time and type), then proximity matches. Closed and merged incidents are never offered.
 */
export function linkCandidates(
  call: CallForLinking,
  incidents: readonly IncidentForLinking[],
  config: LinkingConfig = DEFAULT_LINKING_CONFIG,
  groups: readonly (readonly IncidentType[])[] = RELATED_TYPE_GROUPS,
): LinkCandidate[] {
  const ids = new Set([call.externalId, ...(call.relatedExternalIds ?? [])]);
  const external: Scored[] = [];
  const proximity: Scored[] = [];
  for (const incident of incidents) {
    if (!isOpen(incident.status)) continue;
    const byRef = externalCandidate(call, ids, incident);
    if (byRef !== null) {
      external.push(byRef);
      continue;
    }
    const near = proximityCandidate(call, incident, config, groups);
    if (near !== null) proximity.push(near);
  }
  return [...external.sort(byPreference), ...proximity.sort(byPreference)].map((s) => ({ incidentId: s.incident.id, reason: s.reason }));
}

/** The incident a new call joins, or null for a new incident. */
export function findLinkCandidate(
  call: CallForLinking,
  incidents: readonly IncidentForLinking[],
  config: LinkingConfig = DEFAULT_LINKING_CONFIG,
): LinkCandidate | null {
  return linkCandidates(call, incidents, config)[0] ?? null;
}

/** Provenance for an officer's "duplicate of" link (who is on the event envelope's actor). */
export function officerLinkReason(note: string): LinkReason {
  const trimmed = note.trim();
  return { rule: 'officer', detail: trimmed === '' ? '值班员手动关联' : reasonWithCause('manualLink', trimmed) };
}
