import 'reflect-metadata';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './common/error.filter.js';
import { globalValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/env.schema.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';

/** Builds the configured application; main.ts and the integration tests share it. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  // JSON bodies only (registered below, with its size limit): no form parser on every request.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(globalValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

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
  return app;
}
