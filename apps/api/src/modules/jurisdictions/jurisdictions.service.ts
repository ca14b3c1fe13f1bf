import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JurisdictionDto } from '@beacon/domain';
import { JurisdictionEntity } from './jurisdiction.entity.js';
import { JurisdictionTree } from './jurisdiction-tree.js';

@Injectable()
export class JurisdictionsService implements OnModuleInit {
  private current = new JurisdictionTree([]);

  constructor(private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Jurisdictions change only by seeding or administration; those paths call reload(). */
  async reload(): Promise<void> {
    const rows = await this.ds.getRepository(JurisdictionEntity).find({ order: { code: 'ASC' } });
    this.current = new JurisdictionTree(rows.map(toDto));
  }

  get tree(): JurisdictionTree {
    return this.current;
  }

  visibleTo(jurisdictionId: string): JurisdictionDto[] {
    const visible = this.current.descendants(jurisdictionId);
    // A user also sees the chain above them (names and outlines), so the map has context.
    const above = new Set(this.current.ancestors(jurisdictionId));
    return this.current.all.filter((j) => visible.has(j.id) || above.has(j.id));
  }
}

export function toDto(row: JurisdictionEntity): JurisdictionDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    geometry: row.geometry,
    centroid: row.centroid,
  };
}
