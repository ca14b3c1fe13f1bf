import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CallSource, Casualties, IncidentCategory, IncidentType, LinkReason } from '@beacon/domain';
import { numericToNumber } from '../../database/bigint.transformer.js';

/** One report from 110/119/120 or a duty officer. Never deleted; a split or merge moves incident_id. */
@Entity({ name: 'calls' })
@Index('calls_source_external_key', ['source', 'externalId'], { unique: true })
@Index('calls_incident_idx', ['incidentId'])
@Index('calls_external_id_idx', ['externalId'])
// GIN on the cross-referenced case ids (migration IntakeSearchIndexes).
@Index('calls_related_external_ids_idx', { synchronize: false })
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: CallSource;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** The source's own receivedAt when it was not believable: ahead of our clock, or over a week behind it (receivedAt is then the server's time). */
  @Column({ name: 'reported_received_at', type: 'timestamptz', nullable: true })
  reportedReceivedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  caller!: { phone?: string; name?: string } | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ name: 'accuracy_m', type: 'double precision', nullable: true })
  accuracyM!: number | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  category!: IncidentCategory | null;

  @Column({ type: 'text', nullable: true })
  type!: IncidentType | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  casualties!: Partial<Casualties> | null;

  @Column({ name: 'economic_loss_cny', type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  economicLossCny!: number | null;

  @Column({ name: 'burned_area_ha', type: 'double precision', nullable: true })
  burnedAreaHa!: number | null;

  @Column({ type: 'double precision', nullable: true })
  magnitude!: number | null;

  @Column({ name: 'related_external_ids', type: 'text', array: true, default: () => "'{}'" })
  relatedExternalIds!: string[];

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  /** The incident intake first put it in: provenance survives merges and splits. */
  @Column({ name: 'original_incident_id', type: 'uuid' })
  originalIncidentId!: string;

  @Column({ name: 'link_reason', type: 'jsonb', nullable: true })
  linkReason!: LinkReason | null;

  @Column({ name: 'intake_key_id', type: 'uuid', nullable: true })
  intakeKeyId!: string | null;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
