import { Module } from '@nestjs/common';
import { GradingController } from './grading.controller.js';
import { GradeRaisesController } from './grade-raises.controller.js';
import { GradeRaisesService } from './grade-raises.service.js';
import { IncidentWriter } from './incident-writer.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';

@Module({ controllers: [GradingController, GradeRaisesController, IncidentsController], providers: [IncidentWriter, IncidentsService, GradeRaisesService], exports: [IncidentWriter] })
export class IncidentsModule {}
