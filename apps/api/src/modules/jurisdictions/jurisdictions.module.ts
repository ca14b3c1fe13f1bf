import { Global, Module } from '@nestjs/common';
import { JurisdictionsController } from './jurisdictions.controller.js';
import { JurisdictionsService } from './jurisdictions.service.js';

@Global()
@Module({ controllers: [JurisdictionsController], providers: [JurisdictionsService], exports: [JurisdictionsService] })
export class JurisdictionsModule {}
