import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentFigures } from '@beacon/domain';

/** A duty officer's "same event" decision; undoing it restores the source incident and its calls. */
@Entity({ name: 'incident_merges' })
export class IncidentMergeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_incident_id', type: 'uuid' })
  sourceIncidentId!: string;

  @Column({ name: 'target_incident_id', type: 'uuid' })
  targetIncidentId!: string;

  @Column({ name: 'moved_call_ids', type: 'uuid', array: true })
  movedCallIds!: string[];

  @Column({ type: 'text' })
  reason!: string;

  /** The target's figures just before the merge (null for merges made before they were kept). */
  @Column({ name: 'target_figures_before', type: 'jsonb', nullable: true })
  targetFiguresBefore!: IncidentFigures | null;

  /** The target's own acknowledgement clock, kept when the merge handed it the source's (ackAfterMerge); null otherwise. */
  @Column({ name: 'target_ack_before', type: 'jsonb', nullable: true })
  targetAckBefore!: { ackOverdueLevel: number; ackDeadlineAt: string | null } | null;

  @Column({ name: 'merged_by', type: 'uuid' })
  mergedBy!: string;

  @Column({ name: 'merged_at', type: 'timestamptz' })
  mergedAt!: Date;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;

  @Column({ name: 'undone_by', type: 'uuid', nullable: true })
  undoneBy!: string | null;
}
