import { Injectable } from '@nestjs/common';
import { DomainError, GRADES, OPEN_INCIDENT_STATUSES, isGradeRaise, type Grade, type GradeRaiseAlertDto, type GradeRaiseSeenDto } from '@beacon/domain';
import { DataSource } from 'typeorm';
import { actorOf, type UserPrincipal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { incidentDto } from './incident-mappers.js';
import { INCIDENT_ROW } from './incident-row.js';
import { IncidentWriter } from './incident-writer.js';

/** A raise event, in the SQL below: figures raised it, or an officer did. Kept in step with isGradeRaise. */
const RAISE = `(e.type = 'incident.grade_raised' OR (e.type = 'incident.grade_changed' AND e.payload ->> 'direction' = 'raise'))`;
/** Event `alias` is a lowering, which withdraws the raises before it that it undoes. Kept in step with isGradeLowering. */
const lowering = (alias: string) => `(${alias}.type = 'incident.grade_changed' AND ${alias}.payload ->> 'direction' = 'lower')`;
/** A grade's severity in SQL, as compareGrades orders them (GRADES most severe first; none lowest). */
const severity = (grade: string) => `(CASE ${grade} ${GRADES.map((g, i) => `WHEN '${g}' THEN ${GRADES.length - i}`).join(' ')} ELSE 0 END)`;

/**
 * Each visible open incident's latest raise that no later lowering has undone (raiseUndoneBy: the grade
 * back where the raise found it; an earlier raise it does not undo alarms again), unless someone marked
 * it, or a newer raise, seen. Starts from the open incidents, so it stays small however long the log
 * grows; each probe runs on events_grade_alerts_idx.
 */
const OUTSTANDING_SQL = `
  SELECT to_jsonb(i.*) AS incident, r.seq, r.type, r.at, r.actor_type, r.actor_id, r.actor_name, r.payload -> 'from' AS "from", r.payload -> 'to' AS "to"
    FROM incidents i
    CROSS JOIN LATERAL (
      SELECT e.seq, e.type, e.at, e.actor_type, e.actor_id, e.actor_name, e.payload
        FROM events e
       WHERE e.aggregate_id = i.id::text AND e.aggregate_type = 'incident' AND ${RAISE}
         AND NOT EXISTS (
           SELECT 1 FROM events l
            WHERE l.aggregate_id = e.aggregate_id AND l.aggregate_type = 'incident' AND ${lowering('l')} AND l.seq > e.seq
              AND ${severity(`l.payload ->> 'to'`)} <= ${severity(`e.payload ->> 'from'`)})
       ORDER BY e.seq DESC LIMIT 1) r
   WHERE i.status = ANY ($1) AND i.jurisdiction_id = ANY ($2::uuid[])
     AND NOT EXISTS (
       SELECT 1 FROM events e
        WHERE e.aggregate_id = i.id::text AND e.aggregate_type = 'incident' AND e.type = 'incident.grade_raise_seen'
          AND (e.payload ->> 'raiseSeq')::bigint >= r.seq)
   ORDER BY r.seq DESC`;

const RAISE_EVENT_SQL = `SELECT e.type, e.payload ->> 'direction' AS direction FROM events e WHERE e.seq = $1 AND e.aggregate_type = 'incident' AND e.aggregate_id = $2`;

const SEEN_SQL = `
  SELECT e.payload ->> 'by' AS by, (e.payload ->> 'raiseSeq')::bigint AS raise_seq, e.at FROM events e
   WHERE e.aggregate_id = $1 AND e.aggregate_type = 'incident' AND e.type = 'incident.grade_raise_seen' AND (e.payload ->> 'raiseSeq')::bigint >= $2
   ORDER BY e.seq LIMIT 1`;

interface OutstandingRow {
  incident: Record<string, unknown>;
  seq: string;
  type: string;
  at: Date;
  actor_type: GradeRaiseAlertDto['actor']['type'];
  actor_id: string | null;
  actor_name: string | null;
  from: Grade | null;
  to: Grade | null;
}

/**
 * The command center's loud grade-raise alerts: kept on the server, so every desk shows the same ones
 * (an officer taking over a desk, or a second screen, sees what nobody has marked seen yet), and one
 * officer's "seen" ends the alert on every console (incident.grade_raise_seen).
 */
@Injectable()
export class GradeRaisesService {
  constructor(
    private readonly ds: DataSource,
    private readonly log: EventLog,
    private readonly writer: IncidentWriter,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async outstanding(user: UserPrincipal): Promise<GradeRaiseAlertDto[]> {
    const rows: OutstandingRow[] = await this.ds.query(OUTSTANDING_SQL, [OPEN_INCIDENT_STATUSES, this.jurisdictions.idsInScope(user.jurisdictionId)]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      cause: r.type === 'incident.grade_raised' ? 'figures' : 'officer',
      from: r.from,
      to: r.to,
      actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
      incident: incidentDto(INCIDENT_ROW.fromRow(r.incident)),
    }));
  }

  /** Marks the raise `raiseSeq` (and any older one) of the incident seen; a repeat, or one already covered, records nothing. */
  async markSeen(user: UserPrincipal, incidentId: string, raiseSeq: number): Promise<GradeRaiseSeenDto> {
    const { result } = await this.log.write(actorOf(user), async (ctx) => {
      // The incident's lock orders two officers marking the same raise: the second finds the first's.
      const incident = await this.writer.lock(ctx, incidentId);
      if (!incident || !this.jurisdictions.idsInScope(user.jurisdictionId).includes(incident.jurisdictionId)) throw DomainError.of('INCIDENT_NOT_FOUND', `incident ${incidentId} not found`);
      const [raise] = (await ctx.manager.query(RAISE_EVENT_SQL, [raiseSeq, incidentId])) as Array<{ type: string; direction: string | null }>;
      if (!raise || !isGradeRaise(raise.type, { direction: raise.direction })) {
        throw DomainError.of('VALIDATION_FAILED', `event ${raiseSeq} is not a grade raise of incident ${incident.code}`, { seq: 'is not a grade raise of this incident' });
      }
      const [earlier] = (await ctx.manager.query(SEEN_SQL, [incidentId, raiseSeq])) as Array<{ by: string; raise_seq: string; at: Date }>;
      if (earlier) return { incidentId, raiseSeq: Number(earlier.raise_seq), by: earlier.by, at: earlier.at.toISOString(), recorded: false };
      ctx.record({
        type: 'incident.grade_raise_seen',
        aggregate: { type: 'incident', id: incident.id },
        jurisdictionId: incident.jurisdictionId,
        payload: { incident: incidentDto(incident), raiseSeq, by: user.displayName },
      });
      return { incidentId, raiseSeq, by: user.displayName, at: new Date().toISOString(), recorded: true };
    });
    return result;
  }
}
