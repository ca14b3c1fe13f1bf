import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoadNetworkDto } from '@beacon/domain';
import { RoadSegmentEntity } from './road-segment.entity.js';

/** The road network changes only on import; thousands of segments are read once per process. */
@Injectable()
export class RoadNetworkCache {
  private cached?: Promise<RoadNetworkDto>;

  constructor(private readonly ds: DataSource) {}

  get(): Promise<RoadNetworkDto> {
    this.cached ??= this.load().catch((err: unknown) => {
      this.cached = undefined;
      throw err;
    });
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<RoadNetworkDto> {
    const rows = await this.ds.getRepository(RoadSegmentEntity).find({ order: { id: 'ASC' } });
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.id,
        geometry: r.geometry,
        properties: { id: r.id, roadClass: r.roadClass, name: r.name, speedKmh: r.speedKmh },
      })),
    };
  }
}
