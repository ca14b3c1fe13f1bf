import { insertTimersSql } from '../../jobs/timers.service.js';
import { insertIncidentsSql, updateIncidentsSql } from '../incidents/incident-row.js';
import { insertCallsSql } from './call-row.js';

/**
 * Every row an intake batch changes, in one prepared statement: new incidents (numbered from the
 * sequence) with their first ack timers, the calls, and the locked incidents that absorbed calls. The
 * batch's events, numbered from what this returns, go out with COMMIT (EventLog).
 */
export const WRITE_SQL = `WITH new_incidents AS (${insertIncidentsSql('$1')}),
  new_timers AS (${insertTimersSql('$2')}),
  new_calls AS (${insertCallsSql('$3')}),
  changed AS (${updateIncidentsSql('$4')})
  SELECT (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code)), '[]') FROM new_incidents) AS incidents,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'due_at', due_at)), '[]') FROM new_timers) AS timers,
         (SELECT count(*) FROM new_calls)::int AS calls,
         (SELECT count(*) FROM changed)::int AS changed`;

export interface WriteResult {
  incidents: Array<{ id: string; code: string }>;
  timers: Array<{ id: string; due_at: string }>;
  calls: number;
  changed: number;
}
