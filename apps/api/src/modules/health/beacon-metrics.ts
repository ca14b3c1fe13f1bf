import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; tests build several apps in one process, so no global default registry. */
@Injectable()
export class BeaconMetrics {
  readonly registry = new Registry();

  readonly eventsAppended = new Counter({
    name: 'beacon_events_appended_total',
    help: 'Events committed to the event log',
    labelNames: ['type'],
    registers: [this.registry],
  });

  readonly socketsConnected = new Gauge({
    name: 'beacon_realtime_sockets',
    help: 'Realtime sockets connected to this instance',
    registers: [this.registry],
  });

  /** Intake's own latency: from the validated call to its committed answer (queueing for a batch included). */
  readonly intakeDuration = new Histogram({
    name: 'beacon_intake_call_duration_seconds',
    help: 'Time from a validated intake call to its committed answer',
    labelNames: ['source'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly intakeCalls = new Counter({
    name: 'beacon_intake_calls_total',
    help: 'Calls accepted by intake',
    labelNames: ['source', 'outcome'],
    registers: [this.registry],
  });

  readonly intakeBatchSize = new Histogram({
    name: 'beacon_intake_batch_size',
    help: 'Calls per intake transaction (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });

  /**
   * Where a committed intake batch's time went, by phase: `open` (a connection, then START TRANSACTION, the
   * locks and the read in one round trip, with any wait for another batch's locks), `decide` (linking,
   * rows and events in the API), `close` (the write, the events' append and COMMIT with its WAL flush,
   * one round trip), `publish` (to Redis, before the answers go out).
   */
  readonly intakeBatchPhase = new Histogram({
    name: 'beacon_intake_batch_phase_seconds',
    help: 'Time a committed intake batch spent in each phase (open, decide, close, publish)',
    labelNames: ['phase'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });

  readonly timersFired = new Counter({
    name: 'beacon_timers_fired_total',
    help: 'Durable timers fired',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  readonly timerJobsFailed = new Counter({
    name: 'beacon_timer_jobs_failed_total',
    help: 'Timer jobs that failed every attempt (their timers stay pending and the overdue sweep arms them again)',
    registers: [this.registry],
  });

  /** Set by each worker's overdue sweep: a timer stuck past its time is an escalation that has not happened. */
  readonly timersOverdue = new Gauge({
    name: 'beacon_timers_overdue',
    help: 'Pending timers past due by more than the overdue sweep allows, at its last run (counted up to its limit); alert when it stays above 0',
    registers: [this.registry],
  });

  readonly timerOldestOverdue = new Gauge({
    name: 'beacon_timer_oldest_overdue_seconds',
    help: 'How late the most overdue pending timer was at the last sweep (0 when none)',
    registers: [this.registry],
  });

  readonly realtimePublishFailures = new Counter({
    name: 'beacon_realtime_publish_failures_total',
    help: 'Publishes of committed events through Redis that failed (Redis down); consoles resync from the event log',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
