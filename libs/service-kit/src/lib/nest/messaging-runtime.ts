import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { connect, JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { natsAuthOptions } from '../config/security-config';
import { ServiceConfig } from '../config/service-config';
import { EventSigner, EventVerifier } from '../security/event-signature';
import { DurableEventConsumer, EventHandler } from '../messaging/event-consumer';
import { ensureEventStream } from '../messaging/jetstream-stream';
import { natsConnectionOptions, NatsLinkState } from '../messaging/nats-options';
import { OutboxRelay } from '../messaging/outbox-relay';
import { SHUTDOWN_GRACE_MS } from './graceful-shutdown';
import { DATA_SOURCE, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

/**
 * The service's own NATS connection for JetStream (the Nest transport only speaks core NATS): ensures the
 * stream, runs the outbox relay, and hosts the durable consumers that feature modules subscribe.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingRuntime.name);
  private nc!: NatsConnection;
  private jsClient!: JetStreamClient;
  private jsManager!: JetStreamManager;
  private relay!: OutboxRelay;
  private readonly consumers: DurableEventConsumer[] = [];
  private link: NatsLinkState | null = null;
  private rpcLink: NatsLinkState | null = null;
  private draining = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const { security } = this.config;
    this.nc = await connect({
      ...natsConnectionOptions(this.config, `${this.serviceName}-jetstream`),
      ...natsAuthOptions(security),
    });
    this.link = NatsLinkState.ofConnection(this.nc);
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

  /** The request/reply transport's link, so readiness covers both connections (set by bootstrapService). */
  attachRpcLink(link: NatsLinkState): void {
    this.rpcLink = link;
  }

  /** Really connected now (status events), for both the JetStream connection and, when attached, the RPC one. */
  natsConnected(): boolean {
    return !!this.link?.connected && !this.nc.isClosed() && (this.rpcLink?.connected ?? true);
  }

  /** JetStream answers and the events stream exists (a server without -js, or a lost store, is not ready). */
  async jetStreamReady(timeoutMs = 1500): Promise<boolean> {
    if (!this.natsConnected()) return false;
    const probe = this.jsManager.streams.info(this.config.eventsStream).then(
      () => true,
      () => false,
    );
    return Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref())]);
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Marks the process as leaving, so readiness fails while requests drain (called before the transport drains). */
  startDraining(): void {
    this.draining = true;
  }

  /**
   * Before the pools close: consumers stop fetching and finish the event in hand (its ack follows its commit),
   * then the relay publishes what is committed, within the shutdown grace.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
    if (this.config.outboxRelay && this.relay && this.natsConnected()) {
      const left = await this.relay.flush(Date.now() + SHUTDOWN_GRACE_MS / 2);
      if (left)
        this.logger.warn('outbox not empty at shutdown: the next start (or another replica) publishes it');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc && !this.nc.isClosed())
      await this.nc.drain().catch((e: Error) => this.logger.warn(e.message));
  }
}
