import type { NatsConnection, Subscription } from 'nats';
import { natsConnectionOptions, NatsLinkState } from '../messaging/nats-options';
import { PrefixedServerNats } from '../messaging/prefixed-nats';
import { natsAuthOptions, ServiceSecurity } from '../config/security-config';
import { ContextVerifier } from '../security/context-signature';
import { GATEWAY_PRINCIPAL } from '../security/signing-keys';

type NatsMsg = Parameters<PrefixedServerNats['handleMessage']>[1];

/**
 * The service's request/reply transport, with a shutdown that loses nothing (issue #14 #3): `drainRequests` stops
 * taking requests (the queue group hands new ones to the other replicas), lets those already received finish and
 * flushes their replies, before the pools close. Nest's own close cuts the connection with handlers still running.
 */
export class DrainingServerNats extends PrefixedServerNats {
  readonly link: NatsLinkState;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(config: { natsUrl: string }, service: string, rpcPrefix: string, security: ServiceSecurity) {
    super(
      { ...natsConnectionOptions(config, `${service}-rpc`), ...natsAuthOptions(security), queue: service },
      rpcPrefix,
      // Only the gateway signs caller contexts (DESIGN §5): a service's own key cannot mint one.
      new ContextVerifier({ gatewayKey: security.trustedKeys.get(GATEWAY_PRINCIPAL) ?? null }),
    );
    this.link = NatsLinkState.ofTransport(this.status);
  }

  override async handleMessage(channel: string, natsMsg: NatsMsg): Promise<unknown> {
    this.inFlight++;
    try {
      return await super.handleMessage(channel, natsMsg);
    } finally {
      if (--this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    }
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Returns how many requests were still running when `timeoutMs` ran out (0 when all finished). */
  async drainRequests(timeoutMs: number): Promise<number> {
    // `drain` (not `unsubscribe`) also processes what the server sent before it saw the UNSUB.
    const subs = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    await Promise.all(subs.map((s) => s.drain().catch(() => undefined)));
    if (this.inFlight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    await this.unwrap<NatsConnection>()
      .flush()
      .catch(() => undefined);
    return this.inFlight;
  }
}
