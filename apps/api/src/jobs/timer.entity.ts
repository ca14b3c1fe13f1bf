import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The durable record of every timer (ack timeouts, escalations, report deadlines).
 * BullMQ holds the delayed job; this row is the truth it is re-armed from after a restart or Redis loss.
 */
@Entity({ name: 'timers' })
@Index('timers_pending_idx', ['dueAt'], { where: 'fired_at IS NULL AND cancelled_at IS NULL' })
@Index('timers_key_key', ['key'], { unique: true })
export class TimerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Job name, e.g. 'incident.ack_timeout'. */
  @Column({ type: 'text' })
  kind!: string;

  /** Natural key so one logical timer exists once, e.g. 'ack:<incidentId>:1'. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
