import type { QueryClient } from '@tanstack/react-query';
import type { ShelterDto, TeamDto, WarehouseDto } from '@beacon/domain';
import { resourceKeys } from './keys';

function isNewer(incoming: { updatedAt: string; version?: number }, current: { updatedAt: string; version?: number }): boolean {
  if (typeof incoming.version === 'number' && typeof current.version === 'number') return incoming.version >= current.version;
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt);
}

function upsert<T extends { id: string; updatedAt: string; version?: number }>(list: T[] | undefined, item: T): T[] | undefined {
  if (!list) return list;
  const idx = list.findIndex((x) => x.id === item.id);
  if (idx < 0) return [...list, item];
  const current = list[idx];
  if (current && !isNewer(item, current)) return list;
  const next = list.slice();
  next[idx] = item;
  return next;
}

/** Replaces one team in the cache (never with an older version). */
export function upsertTeam(qc: QueryClient, team: TeamDto): void {
  qc.setQueryData<TeamDto[]>(resourceKeys.teams, (list) => upsert(list, team));
}

export function upsertShelter(qc: QueryClient, shelter: ShelterDto): void {
  qc.setQueryData<ShelterDto[]>(resourceKeys.shelters, (list) => upsert(list, shelter));
}

export function upsertWarehouse(qc: QueryClient, warehouse: WarehouseDto): void {
  qc.setQueryData<WarehouseDto[]>(resourceKeys.warehouses, (list) => upsert(list, warehouse));
}
