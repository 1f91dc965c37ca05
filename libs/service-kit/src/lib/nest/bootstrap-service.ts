import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { PrefixedServerNats } from '../messaging/prefixed-nats';

export interface BootstrapOptions {
  service: string;
  module: Type<unknown>;
  natsUrl: string;
  httpPort: number;
  rpcPrefix: string;
}

/**
 * Starts a service as a NestJS hybrid app (DESIGN §2): NATS request/reply in a queue group named after the
 * service (replicas share requests), plus HTTP for `/health`.
 */
export async function bootstrapService(opts: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module, { logger: ['error', 'warn', 'log'] });
  app.connectMicroservice<MicroserviceOptions>(
    { strategy: new PrefixedServerNats({ servers: [opts.natsUrl], queue: opts.service }, opts.rpcPrefix) },
    { inheritAppConfig: true },
  );
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(opts.httpPort, '127.0.0.1');
  new Logger(opts.service).log(`listening on NATS ${opts.natsUrl} and http://127.0.0.1:${opts.httpPort}/health`);
  return app;
}
