import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators.js';
import { BeaconMetrics } from './beacon-metrics.js';
import { RedisHealthIndicator } from './redis.health.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly metrics: BeaconMetrics,
  ) {}

  /** 200 when Postgres and Redis answer; 503 naming what is down. */
  @Public()
  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 1000 }), () => this.redis.check('redis')]);
  }

  @Public()
  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
