import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BeaconMetrics } from './beacon-metrics.js';
import { HealthController } from './health.controller.js';
import { RedisHealthIndicator } from './redis.health.js';
import { TimeController } from './time.controller.js';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, TimeController],
  providers: [BeaconMetrics, RedisHealthIndicator],
  exports: [BeaconMetrics],
})
export class HealthModule {}
