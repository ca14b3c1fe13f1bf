import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LineString, RoadClass } from '@beacon/domain';

/** The road network: the base map and, later, routing and ETAs. */
@Entity({ name: 'road_segments' })
export class RoadSegmentEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'road_class', type: 'text' })
  roadClass!: RoadClass;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'speed_kmh', type: 'int' })
  speedKmh!: number;

  @Column({ type: 'jsonb' })
  geometry!: LineString;
}
