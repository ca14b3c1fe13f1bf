import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ShelterClass } from '@beacon/domain';

@Entity({ name: 'shelters' })
export class ShelterEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'shelter_class', type: 'text' })
  shelterClass!: ShelterClass;

  @Index('shelters_jurisdiction_idx')
  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId!: string;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ name: 'area_m2', type: 'int' })
  areaM2!: number;

  @Column({ name: 'physical_capacity', type: 'int' })
  physicalCapacity!: number;

  @Column({ name: 'staffed_capacity', type: 'int' })
  staffedCapacity!: number;

  @Column({ type: 'int', default: 0 })
  occupancy!: number;

  @Column({ type: 'text', default: 'closed' })
  status!: 'closed' | 'open' | 'full';

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
