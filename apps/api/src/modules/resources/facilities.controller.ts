import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import type { RoadNetworkDto, ShelterDto, WarehouseDto } from '@beacon/domain';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { shelterDto, warehouseDto } from './resource-mappers.js';
import { RoadNetworkCache } from './road-network.cache.js';
import { ShelterEntity } from './shelter.entity.js';
import { StockLineEntity } from './stock-line.entity.js';
import { WarehouseEntity } from './warehouse.entity.js';

@ApiTags('resources')
@ApiBearerAuth()
@Controller()
export class FacilitiesController {
  constructor(
    private readonly ds: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly roads: RoadNetworkCache,
  ) {}

  @Get('warehouses')
  async warehouses(@CurrentUser() user: UserPrincipal): Promise<WarehouseDto[]> {
    const visible = this.jurisdictions.idsInScope(user.jurisdictionId);
    const rows = await this.ds.getRepository(WarehouseEntity).find({ where: { jurisdictionId: In(visible) }, order: { name: 'ASC' } });
    const stock = rows.length
      ? await this.ds.getRepository(StockLineEntity).find({ where: { warehouseId: In(rows.map((r) => r.id)) }, order: { code: 'ASC' } })
      : [];
    return rows.map((w) => warehouseDto(w, stock.filter((s) => s.warehouseId === w.id)));
  }

  @Get('shelters')
  async shelters(@CurrentUser() user: UserPrincipal): Promise<ShelterDto[]> {
    const visible = this.jurisdictions.idsInScope(user.jurisdictionId);
    const rows = await this.ds.getRepository(ShelterEntity).find({ where: { jurisdictionId: In(visible) }, order: { name: 'ASC' } });
    return rows.map(shelterDto);
  }

  /** The base map's roads as GeoJSON (served locally: the console works with no internet). */
  @Get('map/roads')
  roadNetwork(): Promise<RoadNetworkDto> {
    return this.roads.get();
  }
}
