import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { IntakeKeysService } from './intake-keys.service.js';
import { IntakeController } from './intake.controller.js';
import { IntakeService } from './intake.service.js';

@Module({ imports: [IncidentsModule], controllers: [IntakeController], providers: [IntakeService, IntakeKeysService] })
export class IntakeModule {}
