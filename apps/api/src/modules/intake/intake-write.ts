import { escapeLiteral } from '../../database/sql-literal.js';
import { insertTimersSql } from '../../jobs/timer-rows.js';
import { appendEventsSql, type EventStamp } from '../events/event-append.js';
import type { SqlPrepared } from '../events/event-log.types.js';
import { insertIncidentsSql, updateIncidentsSql } from '../incidents/incident-row.js';
import { insertCallsSql } from './call-row.js';

/**
 * Everything an intake batch writes, in one statement: new incidents (numbered from the sequence)
 * with their first ack timers, the calls, the locked incidents that absorbed calls, and the batch's
 * events ($5, eventRowsParam), appended under the append lock. An event about a new incident carries
 * its snapshot, taken before the number existed: the number goes into `payload.incident.code` here.
 * The batch sends it with COMMIT in one message (EventLog closeWith), so a batch makes two round
 * trips: the opening (locks, read) and this.
 */
export const WRITE_SQL = `WITH new_incidents AS (${insertIncidentsSql('$1')}),
  new_timers AS (${insertTimersSql('$2')}),
  new_calls AS (${insertCallsSql('$3')}),
  changed AS (${updateIncidentsSql('$4')}),
  appended AS (${appendEventsSql('$5', {
    join: 'LEFT JOIN new_incidents n ON n.id::text = v.aggregate_id',
    payload: `CASE WHEN n.code IS NULL THEN v.payload ELSE jsonb_set(v.payload, '{incident,code}', to_jsonb(n.code)) END`,
  })})
  SELECT (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code)), '[]') FROM new_incidents) AS incidents,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'due_at', due_at)), '[]') FROM new_timers) AS timers,
         (SELECT count(*) FROM new_calls)::int AS calls,
         (SELECT count(*) FROM changed)::int AS changed,
         (SELECT coalesce(json_agg(json_build_object('seq', seq, 'at', at)), '[]') FROM appended) AS events`;

export const WRITE_PREPARED: SqlPrepared = { name: 'beacon_intake_write_sql', sql: WRITE_SQL };

export interface WriteResult {
  incidents: Array<{ id: string; code: string }>;
  timers: Array<{ id: string; due_at: string }>;
  calls: number;
  changed: number;
  events: EventStamp[];
}

/** The rows WRITE_SQL takes ($1–$4, each a jsonb array as JSON text). */
export interface WriteRows {
  created: string;
  timers: string;
  calls: string;
  changed: string;
}

/** The EXECUTE of WRITE_SQL for a batch, its arguments escaped literals (sent in a simple-protocol message). */
export function executeWriteSql(rows: WriteRows, events: string): string {
  return `EXECUTE ${WRITE_PREPARED.name}(${[rows.created, rows.timers, rows.calls, rows.changed].map(escapeLiteral).join(', ')}, ${events})`;
}
