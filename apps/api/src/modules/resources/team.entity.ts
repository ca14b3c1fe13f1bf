import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TeamKind, TeamStatus } from '@beacon/domain';

@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: TeamKind;

  @Column({ type: 'text' })
  specialty!: string;

  @Column({ type: 'int', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', array: true })
  capabilities!: string[];

  @Column({ type: 'int' })
  headcount!: number;

  @Index('teams_jurisdiction_idx')
  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId!: string;

  @Column({ type: 'text' })
  status!: TeamStatus;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ name: 'home_lng', type: 'double precision' })
  homeLng!: number;

  @Column({ name: 'home_lat', type: 'double precision' })
  homeLat!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
