import { Global, Module } from '@nestjs/common';
import { LocalBroadcast } from './local-broadcast.js';
import { RealtimePublisher } from './realtime.publisher.js';

/** The publisher is everywhere (API and worker); the gateway only where sockets are served (see AppModule). */
@Global()
@Module({ providers: [RealtimePublisher, LocalBroadcast], exports: [RealtimePublisher, LocalBroadcast] })
export class RealtimeModule {}
