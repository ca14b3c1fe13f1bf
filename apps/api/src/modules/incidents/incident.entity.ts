import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CallSource, Grade, GradeBasis, IncidentCategory, IncidentFigures, IncidentStatus, IncidentType } from '@beacon/domain';

@Entity({ name: 'incidents' })
// No column a call changes is indexed, so absorbing a call is a HOT update (migration IncidentsHotUpdates).
@Index('incidents_open_idx', ['status', 'createdAt'])
@Index('incidents_jurisdiction_idx', ['jurisdictionId', 'createdAt'])
// GiST on each open incident's reach box (migration IncidentReachIndex): an expression index TypeORM cannot describe.
@Index('incidents_open_reach_idx', { synchronize: false })
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('incidents_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: IncidentStatus;

  @Column({ type: 'text', nullable: true })
  category!: IncidentCategory | null;

  @Column({ type: 'text', nullable: true })
  type!: IncidentType | null;

  @Column({ type: 'text', nullable: true })
  grade!: Grade | null;

  @Column({ name: 'grade_basis', type: 'jsonb', nullable: true })
  gradeBasis!: GradeBasis | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ name: 'location_accuracy_m', type: 'double precision', nullable: true })
  locationAccuracyM!: number | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId!: string;

  @Column({ type: 'jsonb' })
  figures!: IncidentFigures;

  @Column({ type: 'text', array: true })
  sources!: CallSource[];

  @Column({ name: 'call_count', type: 'int' })
  callCount!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'first_call_at', type: 'timestamptz' })
  firstCallAt!: Date;

  @Column({ name: 'last_call_at', type: 'timestamptz' })
  lastCallAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'ack_deadline_at', type: 'timestamptz', nullable: true })
  ackDeadlineAt!: Date | null;

  @Column({ name: 'ack_overdue_level', type: 'int', default: 0 })
  ackOverdueLevel!: number;

  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto!: string | null;

  @Column({ name: 'status_before_merge', type: 'text', nullable: true })
  statusBeforeMerge!: IncidentStatus | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
