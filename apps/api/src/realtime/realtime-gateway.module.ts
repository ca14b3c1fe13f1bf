import { Module } from '@nestjs/common';
import { RealtimeResync } from './realtime-resync.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({ providers: [RealtimeGateway, RealtimeResync] })
export class RealtimeGatewayModule {}
