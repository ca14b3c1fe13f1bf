import type { CallDto, IncidentDto } from '@beacon/domain';
import type { CallEntity } from '../intake/call.entity.js';
import type { IncidentEntity } from './incident.entity.js';

export function incidentDto(i: IncidentEntity): IncidentDto {
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    status: i.status,
    category: i.category,
    type: i.type,
    grade: i.grade,
    gradeBasis: i.gradeBasis,
    location: i.lng === null || i.lat === null ? null : { lng: i.lng, lat: i.lat },
    address: i.address,
    jurisdictionId: i.jurisdictionId,
    figures: i.figures,
    sources: i.sources,
    callCount: i.callCount,
    createdAt: i.createdAt.toISOString(),
    lastCallAt: i.lastCallAt.toISOString(),
    acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: i.acknowledgedBy,
    ackDeadlineAt: i.ackDeadlineAt?.toISOString() ?? null,
    ackOverdueLevel: i.ackOverdueLevel,
    mergedInto: i.mergedInto,
    version: i.version,
  };
}

export function callDto(c: CallEntity): CallDto {
  return {
    id: c.id,
    source: c.source,
    externalId: c.externalId,
    receivedAt: c.receivedAt.toISOString(),
    reportedReceivedAt: c.reportedReceivedAt?.toISOString() ?? null,
    caller: c.caller,
    location:
      c.lng === null || c.lat === null
        ? null
        : { lng: c.lng, lat: c.lat, ...(c.accuracyM === null ? {} : { accuracyM: c.accuracyM }) },
    address: c.address,
    category: c.category,
    type: c.type,
    description: c.description,
    casualties: c.casualties,
    incidentId: c.incidentId,
    linkReason: c.linkReason,
    createdAt: c.createdAt.toISOString(),
  };
}
