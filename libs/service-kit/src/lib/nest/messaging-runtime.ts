import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { connect, JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { natsAuthOptions } from '../config/security-config';
import { ServiceConfig } from '../config/service-config';
import { EventSigner, EventVerifier } from '../security/event-signature';
import { DurableEventConsumer, EventHandler } from '../messaging/event-consumer';
import { ensureEventStream } from '../messaging/jetstream-stream';
import { OutboxRelay } from '../messaging/outbox-relay';
import { DATA_SOURCE, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

/**
 * The service's own NATS connection for JetStream (the Nest transport only speaks core NATS): ensures the
 * stream, runs the outbox relay, and hosts the durable consumers that feature modules subscribe.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingRuntime.name);
  private nc!: NatsConnection;
  private jsClient!: JetStreamClient;
  private jsManager!: JetStreamManager;
  private relay!: OutboxRelay;
  private readonly consumers: DurableEventConsumer[] = [];

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const { security } = this.config;
    this.nc = await connect({ servers: this.config.natsUrl, name: `${this.serviceName}-jetstream`, ...natsAuthOptions(security) });
    this.jsManager = await this.nc.jetstreamManager();
    this.jsClient = this.nc.jetstream();
    await ensureEventStream(this.jsManager, this.config.eventsStream, this.config.eventsPrefix);
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      schema: this.config.schema,
      js: this.jsClient,
      stream: this.config.eventsStream,
      prefix: this.config.eventsPrefix,
      signer: security.signingKey ? new EventSigner(this.config.schema, security.signingKey) : null,
    });
    if (this.config.outboxRelay) this.relay.start();
  }

  /** Subscribes a durable consumer to another service's events (`source` = producing schema, e.g. `partnership`). */
  async subscribe(source: string, handlers: Record<string, EventHandler>): Promise<DurableEventConsumer> {
    const consumer = new DurableEventConsumer({
      dataSource: this.dataSource,
      schema: this.config.schema,
      js: this.jsClient,
      jsm: this.jsManager,
      stream: this.config.eventsStream,
      durable: `${this.serviceName}--${source}`,
      filterSubject: `${this.config.eventsPrefix}.${source}.>`,
      handlers,
      source,
      verifier: new EventVerifier(this.config.security.trustedKeys),
    });
    await consumer.start();
    this.consumers.push(consumer);
    return consumer;
  }

  get outboxRelay(): OutboxRelay {
    return this.relay;
  }

  natsConnected(): boolean {
    return !!this.nc && !this.nc.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await Promise.all(this.consumers.map((c) => c.stop()));
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch((e: Error) => this.logger.warn(e.message));
  }
}
