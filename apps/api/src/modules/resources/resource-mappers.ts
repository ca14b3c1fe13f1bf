import type { ShelterDto, StockLineDto, TeamDto, WarehouseDto } from '@beacon/domain';
import type { ShelterEntity } from './shelter.entity.js';
import type { StockLineEntity } from './stock-line.entity.js';
import type { TeamEntity } from './team.entity.js';
import type { WarehouseEntity } from './warehouse.entity.js';

export function teamDto(t: TeamEntity): TeamDto {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    specialty: t.specialty,
    rating: t.rating,
    capabilities: t.capabilities,
    headcount: t.headcount,
    jurisdictionId: t.jurisdictionId,
    status: t.status,
    location: { lng: t.lng, lat: t.lat },
    homeStation: { lng: t.homeLng, lat: t.homeLat },
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export function warehouseDto(w: WarehouseEntity, stock: StockLineEntity[]): WarehouseDto {
  return {
    id: w.id,
    name: w.name,
    jurisdictionId: w.jurisdictionId,
    location: { lng: w.lng, lat: w.lat },
    stock: stock.map((s): StockLineDto => ({ code: s.code, name: s.name, unit: s.unit, quantity: s.quantity })),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function shelterDto(s: ShelterEntity): ShelterDto {
  return {
    id: s.id,
    name: s.name,
    shelterClass: s.shelterClass,
    jurisdictionId: s.jurisdictionId,
    location: { lng: s.lng, lat: s.lat },
    areaM2: s.areaM2,
    physicalCapacity: s.physicalCapacity,
    staffedCapacity: s.staffedCapacity,
    occupancy: s.occupancy,
    status: s.status,
    updatedAt: s.updatedAt.toISOString(),
  };
}
