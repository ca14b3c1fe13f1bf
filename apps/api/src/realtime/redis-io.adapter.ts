import { IoAdapter } from '@nestjs/platform-socket.io';
import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { adapterKey } from './channels.js';
import { adapterJsonParser } from './redis-json.parser.js';

/** socket.io over the Redis adapter: several API instances serve one command center. */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.pub = new Redis(this.redisUrl);
    this.sub = this.pub.duplicate();
    // Without listeners ioredis prints every reconnect failure; health reports Redis being down.
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
    await Promise.all([this.waitReady(this.pub), this.waitReady(this.sub)]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.pub!, this.sub!, { key: adapterKey(this.prefix), parser: adapterJsonParser }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // disconnect(), not quit(): quit is a command and would wait out retries if Redis is down.
    this.pub?.disconnect();
    this.sub?.disconnect();
  }

  private waitReady(client: Redis): Promise<void> {
    return client.status === 'ready' ? Promise.resolve() : new Promise((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('error', reject);
    });
  }
}
