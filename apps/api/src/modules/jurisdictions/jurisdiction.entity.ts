import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JurisdictionLevel, LngLat, MultiPolygon, Polygon } from '@beacon/domain';

@Entity({ name: 'jurisdictions' })
export class JurisdictionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('jurisdictions_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: JurisdictionLevel;

  @Index('jurisdictions_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  geometry!: Polygon | MultiPolygon | null;

  @Column({ type: 'jsonb', nullable: true })
  centroid!: LngLat | null;
}
