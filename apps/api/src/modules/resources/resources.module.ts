import { Module } from '@nestjs/common';
import { FacilitiesController } from './facilities.controller.js';
import { RoadNetworkCache } from './road-network.cache.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

@Module({ controllers: [TeamsController, FacilitiesController], providers: [TeamsService, RoadNetworkCache], exports: [RoadNetworkCache] })
export class ResourcesModule {}
