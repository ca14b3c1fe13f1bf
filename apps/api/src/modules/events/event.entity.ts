import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The append-only event log: every state change, and the audit trail. A trigger forbids UPDATE/DELETE. */
@Entity({ name: 'events' })
@Index('events_aggregate_idx', ['aggregateType', 'aggregateId', 'seq'])
@Index('events_jurisdiction_seq_idx', ['jurisdictionId', 'seq'])
// Partial, on the grade-alert event types (migration GradeAlertsIndex): TypeORM would compare its predicate as text.
@Index('events_grade_alerts_idx', { synchronize: false })
export class EventEntity {
  /** bigint: arrives as a string; the event log maps it to a number (far below 2^53). */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'aggregate_type', type: 'text' })
  aggregateType!: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId!: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid', nullable: true })
  jurisdictionId!: string | null;

  @Column({ name: 'actor_type', type: 'text' })
  actorType!: 'user' | 'integration' | 'system';

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'jsonb' })
  payload!: unknown;
}
