import 'reflect-metadata';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './common/error.filter.js';
import { globalValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/env.schema.js';
import { serveConsole } from './http/console-static.js';
import { BODY_LIMIT_BYTES, acceptJsonBodiesOnly } from './http/json-bodies.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';

/**
 * Builds the configured application; main.ts and the integration tests share it.
 * Fastify, not Express: the HTTP layer is most of an intake call's CPU (docs/architecture.md, Performance).
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const http = new FastifyAdapter({ trustProxy: 'loopback', bodyLimit: BODY_LIMIT_BYTES });
  // bodyParser off: Nest would add a form parser; JSON-only parsing is set up below.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), http, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  acceptJsonBodiesOnly(http.getInstance());
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(globalValidationPipe());
  app.useGlobalFilters(new ErrorFilter(app.getHttpAdapter()));

  const adapter = new RedisIoAdapter(app, config.REDIS_URL, config.REDIS_PREFIX);
  await adapter.connect();
  app.useWebSocketAdapter(adapter);

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Beacon API')
      .setDescription('Emergency command-center operations: intake, incidents, resources, realtime event log.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'intake-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  if (config.BEACON_ROLE !== 'worker' && config.CONSOLE_DIST) await serveConsole(app, config.CONSOLE_DIST);
  return app;
}
