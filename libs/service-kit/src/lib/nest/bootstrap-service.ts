import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { natsAuthOptions, ServiceSecurity } from '../config/security-config';
import { PrefixedServerNats } from '../messaging/prefixed-nats';
import { ContextVerifier } from '../security/context-signature';
import { GATEWAY_PRINCIPAL } from '../security/signing-keys';

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
 * service (replicas share requests), plus HTTP for `/health`.
 */
export async function bootstrapService(opts: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module, { logger: ['error', 'warn', 'log'] });
  app.connectMicroservice<MicroserviceOptions>(
    {
      strategy: new PrefixedServerNats(
        { servers: [opts.natsUrl], queue: opts.service, ...natsAuthOptions(opts.security) },
        opts.rpcPrefix,
        new ContextVerifier({ gatewayKey: opts.security.trustedKeys.get(GATEWAY_PRINCIPAL) ?? null }),
      ),
    },
    { inheritAppConfig: true },
  );
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(opts.httpPort, '127.0.0.1');
  new Logger(opts.service).log(`listening on NATS ${opts.natsUrl} and http://127.0.0.1:${opts.httpPort}/health`);
  return app;
}
