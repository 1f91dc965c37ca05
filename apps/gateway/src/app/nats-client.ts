import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { RequestContext } from '@jcm/contracts';
import { ContextSigner, natsAuthOptions, PrefixedClientNats, sendRpc } from '@jcm/service-kit';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway-config';

/**
 * The gateway's single NATS client: every call has a deadline and a reply schema (sendRpc), and its caller
 * context is signed with the gateway's key (services refuse unsigned contexts); `ctx` null = anonymous.
 */
@Injectable()
export class ServiceBus implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly client: ClientNats;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    const { security } = config.service;
    this.client = new PrefixedClientNats(
      { servers: [config.service.natsUrl], ...natsAuthOptions(security) },
      config.service.rpcPrefix,
      security.signingKey ? new ContextSigner(security.signingKey) : null,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  connected(): boolean {
    try {
      return !this.client.unwrap<NatsConnection>().isClosed();
    } catch {
      return false;
    }
  }

  send<S extends z.ZodTypeAny>(subject: string, ctx: RequestContext | null, data: unknown, reply: S, timeoutMs?: number) {
    return sendRpc(this.client, subject, ctx, data, reply, timeoutMs ?? this.config.service.rpcTimeoutMs);
  }
}
