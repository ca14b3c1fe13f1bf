import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JurisdictionDto } from '@beacon/domain';
import { JurisdictionEntity } from './jurisdiction.entity.js';
import { JurisdictionTree } from './jurisdiction-tree.js';

@Injectable()
export class JurisdictionsService implements OnModuleInit {
  private current = new JurisdictionTree([]);
  private readonly reloaded: Array<(tree: JurisdictionTree) => void> = [];

  constructor(private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Jurisdictions change only by seeding or administration; those paths call reload(). */
  async reload(): Promise<void> {
    const rows = await this.ds.getRepository(JurisdictionEntity).find({ order: { code: 'ASC' } });
    this.current = new JurisdictionTree(rows.map(toDto));
    for (const listener of this.reloaded) listener(this.current);
  }

  /** Told of every new tree (a copy held elsewhere, e.g. by the intake worker thread, follows it). */
  onReload(listener: (tree: JurisdictionTree) => void): void {
    this.reloaded.push(listener);
  }

  get tree(): JurisdictionTree {
    return this.current;
  }

  /** The ids of the jurisdictions whose incidents, teams and facilities a user of `jurisdictionId` works with: it and all below it. */
  idsInScope(jurisdictionId: string): string[] {
    return [...this.current.descendants(jurisdictionId)];
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
