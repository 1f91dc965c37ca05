import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { z } from 'zod';
import { DomainError, RequestContext } from '@jcm/contracts';
import {
  ContextSigner,
  natsAuthOptions,
  natsConnectionOptions,
  NatsLinkState,
  PrefixedClientNats,
  sendRpc,
} from '@jcm/service-kit';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway-config';

/**
 * The gateway's single NATS client: every call has a deadline and a reply schema (sendRpc), and its caller
 * context is signed with the gateway's key (services refuse unsigned contexts); `ctx` null = anonymous.
 */
@Injectable()
export class ServiceBus implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly client: ClientNats;
  private readonly link: NatsLinkState;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    const { security } = config.service;
    this.client = new PrefixedClientNats(
      { ...natsConnectionOptions(config.service, 'gateway'), ...natsAuthOptions(security) },
      config.service.rpcPrefix,
      security.signingKey ? new ContextSigner(security.signingKey) : null,
    );
    this.link = NatsLinkState.ofTransport(this.client.status);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  /** From the connection's status events: false for the whole of a reconnect loop (issue #14 #4). */
  connected(): boolean {
    return this.link.connected;
  }

  send<S extends z.ZodTypeAny>(
    subject: string,
    ctx: RequestContext | null,
    data: unknown,
    reply: S,
    timeoutMs?: number,
  ) {
    // Fail fast during a NATS outage (503 + Retry-After) instead of waiting out the RPC deadline (issue #14 #1).
    if (!this.link.connected)
      return Promise.reject(new DomainError('UNAVAILABLE', 'The message bus is unavailable; retry shortly.'));
    return sendRpc(this.client, subject, ctx, data, reply, timeoutMs ?? this.config.service.rpcTimeoutMs);
  }
}
