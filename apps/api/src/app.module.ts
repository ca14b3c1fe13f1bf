import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { logDestination } from './common/log-destination.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.schema.js';
import { dataSourceOptions } from './database/data-source.js';
import { JobsModule } from './jobs/jobs.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IncidentsModule } from './modules/incidents/incidents.module.js';
import { IntakeModule } from './modules/intake/intake.module.js';
import { JurisdictionsModule } from './modules/jurisdictions/jurisdictions.module.js';
import { ResourcesModule } from './modules/resources/resources.module.js';
import { RealtimeGatewayModule } from './realtime/realtime-gateway.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { RedisModule } from './redis/redis.module.js';

@Module({})
export class AppModule {
  /** One build, three roles: `api` serves HTTP + sockets, `worker` fires timers, `all` does both. */
  static forRoot(config: AppConfig): DynamicModule {
    const servesHttp = config.BEACON_ROLE !== 'worker';
    const runsWorker = config.BEACON_ROLE !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.LOG_LEVEL,
              autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/metrics' },
              // One short line per request. No headers: they would carry tokens and keys, and
              // serialising them for every intake call is a measurable share of its cost.
              serializers: {
                req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
            logDestination(),
          ],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE)),
        RedisModule,
        HealthModule,
        JurisdictionsModule,
        RealtimeModule,
        EventsModule,
        JobsModule.forRole(runsWorker),
        AuthModule,
        ResourcesModule,
        IntakeModule,
        IncidentsModule,
        ...(servesHttp ? [RealtimeGatewayModule] : []),
      ],
    };
  }
}
