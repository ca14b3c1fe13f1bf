import { randomUUID } from 'node:crypto';
import { absorbCall, ackDeadlines, figuresFromIntake, incidentFromCall, type AbsorbedCall, type GradeRaise, type GradeTables, type IncidentFigures } from '@beacon/domain';
import type { TimerToSchedule } from '../../jobs/timer-rows.js';
import type { PendingEvent } from '../events/event-log.types.js';
import type { CallEntity } from '../intake/call.entity.js';
import type { JurisdictionTree } from '../jurisdictions/jurisdiction-tree.js';
import { IncidentEntity } from './incident.entity.js';
import { callDto, incidentDto } from './incident-mappers.js';

export interface AckPolicy {
  firstTimeoutS: number;
  secondTimeoutS: number;
}

/**
 * What intake does to incidents in memory — open one from a call, absorb a linked call, the first ack
 * timer, the events' payloads — with no framework or database: the rules are libs/domain's, this adds
 * ids, the jurisdiction tree and the entity shape. IncidentWriter uses it, and so does the intake
 * worker thread (intake-worker.ts), which has no Nest container.
 */
export class IncidentIntakeRules {
  constructor(
    readonly ackPolicy: AckPolicy,
    /** The tree as it is now (it is replaced when jurisdictions are reloaded). */
    private readonly tree: () => JurisdictionTree,
    /** The grading tables in force (AppConfig.gradeTables): required, so no caller grades by the shipped ones unawares. */
    readonly gradeTables: GradeTables,
  ) {}

  /** A new incident for a call, in memory (its facts from libs/domain's incidentFromCall), with its ack deadline; numbered when inserted. */
  buildFromCall(call: CallEntity, fallbackJurisdictionId: string, now = new Date()): IncidentEntity {
    const tree = this.tree();
    const location = call.lng !== null && call.lat !== null ? { lng: call.lng, lat: call.lat } : null;
    const jurisdictionId = (location && tree.locate(location, fallbackJurisdictionId)?.id) || fallbackJurisdictionId;
    return Object.assign(new IncidentEntity(), {
      ...incidentFromCall(factsOf(call), tree.get(jurisdictionId)?.name, this.gradeTables),
      id: randomUUID(),
      code: '', // numbered by the INSERT
      status: 'reported' as const,
      jurisdictionId,
      createdAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
      ackDeadlineAt: ackDeadlines(now, this.ackPolicy).level1At,
      ackOverdueLevel: 0,
      mergedInto: null,
      statusBeforeMerge: null,
      version: 1,
      updatedAt: now,
    });
  }

  /**
   * A linked call, in memory (the rules are libs/domain's absorbCall); the version moves on. Returns
   * the grade raise to announce, if any; the caller saves.
   */
  absorb(incident: IncidentEntity, call: CallEntity): GradeRaise | null {
    const { incident: next, raise } = absorbCall(incident, factsOf(call), this.placeNameOf(incident), this.gradeTables);
    Object.assign(incident, next);
    touch(incident);
    return raise;
  }

  /** The level-1 acknowledgement timer every new incident gets. */
  firstAckTimer(incident: IncidentEntity): TimerToSchedule<'incident.ack_timeout'> {
    return ackTimer(incident.id, 1, incident.ackDeadlineAt!);
  }

  gradeRaisedEvent(incident: IncidentEntity, raise: GradeRaise): PendingEvent {
    return {
      type: 'incident.grade_raised',
      aggregate: { type: 'incident', id: incident.id },
      jurisdictionId: incident.jurisdictionId,
      payload: { incident: incidentDto(incident), ...raise },
    };
  }

  callPayload(call: CallEntity, incident: IncidentEntity) {
    return { call: callDto(call), incident: incidentDto(incident) };
  }

  placeNameOf(i: IncidentEntity): string | null {
    return this.tree().get(i.jurisdictionId)?.name ?? null;
  }
}

/** The acknowledgement timer of `level` (1 alerts the shift leader, 2 the leader), keyed `ack:<incident>:<level>`. */
export function ackTimer(incidentId: string, level: 1 | 2, dueAt: Date): TimerToSchedule<'incident.ack_timeout'> {
  return { kind: 'incident.ack_timeout', key: `${ackTimerKeys(incidentId)}${level}`, dueAt, payload: { incidentId, level } };
}

/** The key prefix of an incident's acknowledgement timers, to cancel them all. */
export function ackTimerKeys(incidentId: string): string {
  return `ack:${incidentId}:`;
}

/** A changed incident's row version and time move on. */
export function touch(incident: IncidentEntity): void {
  incident.version += 1;
  incident.updatedAt = new Date();
}

/** What a call brings to the incident rules. */
function factsOf(call: CallEntity): AbsorbedCall {
  return { ...call, figures: figuresOfCall(call) };
}

export function figuresOfCall(call: CallEntity): Partial<IncidentFigures> {
  return figuresFromIntake({
    casualties: call.casualties ?? undefined,
    economicLossCny: call.economicLossCny ?? undefined,
    burnedAreaHa: call.burnedAreaHa ?? undefined,
    magnitude: call.magnitude ?? undefined,
  });
}
