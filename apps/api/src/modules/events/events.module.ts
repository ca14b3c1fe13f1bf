import { Global, Module } from '@nestjs/common';
import { EventLog } from './event-log.service.js';
import { EventReader } from './event-reader.service.js';
import { EventsController } from './events.controller.js';

@Global()
@Module({ controllers: [EventsController], providers: [EventLog, EventReader], exports: [EventLog, EventReader] })
export class EventsModule {}
