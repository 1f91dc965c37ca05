import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { ServiceSecurity } from '../config/security-config';
import { DrainingServerNats } from './draining-server-nats';
import { onShutdownSignal, SHUTDOWN_GRACE_MS } from './graceful-shutdown';
import { MessagingRuntime } from './messaging-runtime';

export interface BootstrapOptions {
  service: string;
  module: Type<unknown>;
  natsUrl: string;
  httpPort: number;
  rpcPrefix: string;
  security: ServiceSecurity;
}

/**
 * Starts a service as a NestJS hybrid app (DESIGN §2): NATS request/reply in a queue group named after the
 * service (replicas share requests), plus HTTP for `/health` and `/health/ready`.
 */
export async function bootstrapService(opts: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module, { logger: ['error', 'warn', 'log'] });
  const transport = new DrainingServerNats(
    { natsUrl: opts.natsUrl },
    opts.service,
    opts.rpcPrefix,
    opts.security,
  );
  app.connectMicroservice<MicroserviceOptions>({ strategy: transport }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  const runtime = app.get(MessagingRuntime, { strict: false });
  runtime.attachRpcLink(transport.link);
  await app.listen(opts.httpPort, '127.0.0.1');
  onShutdownSignal(opts.service, () => drainAndClose(app, transport, runtime));
  new Logger(opts.service).log(
    `listening on NATS ${opts.natsUrl} and http://127.0.0.1:${opts.httpPort}/health`,
  );
  return app;
}

/**
 * SIGTERM order (issue #14 #3): readiness fails, requests stop arriving and those in hand finish (bounded), then
 * `app.close()` stops the consumers, lets the relay publish what is committed, and only then closes the pools.
 */
export async function drainAndClose(
  app: INestApplication,
  transport: DrainingServerNats,
  runtime: MessagingRuntime,
): Promise<void> {
  runtime.startDraining();
  const left = await transport.drainRequests(SHUTDOWN_GRACE_MS);
  if (left) new Logger('shutdown').warn(`${left} request(s) still running after ${SHUTDOWN_GRACE_MS} ms`);
  await app.close();
}
