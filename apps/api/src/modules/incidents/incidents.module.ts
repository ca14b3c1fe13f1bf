import { Module } from '@nestjs/common';
import { IncidentWriter } from './incident-writer.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';

@Module({ controllers: [IncidentsController], providers: [IncidentWriter, IncidentsService], exports: [IncidentWriter] })
export class IncidentsModule {}
