import type { ConnectionOptions, NatsConnection } from 'nats';
import type { Observable } from 'rxjs';

/** First retry after a disconnect, and the ceiling the doubling stops at (DESIGN §6: survive outages of any length). */
export const RECONNECT_BASE_MS = 250;
export const RECONNECT_CAP_MS = 2000;
/** Up to this much is added at random, so a fleet of processes does not reconnect in lock-step after an outage. */
export const RECONNECT_JITTER_MS = 500;

/**
 * Capped exponential backoff with jitter for `reconnectDelayHandler`. nats.js calls the handler once per attempt
 * and never says when an outage ended, so a pause longer than the cap since the previous call starts a new series.
 */
export function reconnectBackoff(
  random: () => number = Math.random,
  now: () => number = Date.now,
): () => number {
  let attempt = 0;
  let lastCall = 0;
  return () => {
    const t = now();
    if (t - lastCall > RECONNECT_CAP_MS * 4) attempt = 0;
    lastCall = t;
    const base = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt);
    attempt = Math.min(attempt + 1, 16);
    return base + Math.floor(random() * RECONNECT_JITTER_MS);
  };
}

/**
 * The options of every NATS connection the platform opens (Nest server and client transports, the JetStream
 * runtime with its relay and consumers): one place, so none of them gives up after nats.js's default 10 attempts
 * (issue #14: a 20 s outage disconnected every process for good). Credentials are added here too.
 */
export function natsConnectionOptions(config: { natsUrl: string }, name: string): ConnectionOptions {
  return {
    servers: config.natsUrl.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    // A process started while NATS is down waits for it instead of crashing (the same "any length" rule).
    waitOnFirstConnect: true,
    reconnectTimeWait: RECONNECT_BASE_MS,
    reconnectDelayHandler: reconnectBackoff(),
    // A half-open TCP connection (no FIN, e.g. a network partition) is noticed within ~30 s, not the default 4 min.
    pingInterval: 10_000,
    maxPingOut: 3,
  };
}

/**
 * Whether a connection can carry traffic now. `!isClosed()` is true for the whole of a reconnect loop (issue #14
 * #4: health said "up" during an outage), so the state follows the connection's status events instead.
 */
export class NatsLinkState {
  private state: 'connected' | 'disconnected' = 'connected';
  private since = Date.now();

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** Milliseconds in the current state. */
  get forMs(): number {
    return Date.now() - this.since;
  }

  set(connected: boolean): void {
    const next = connected ? 'connected' : 'disconnected';
    if (next !== this.state) this.since = Date.now();
    this.state = next;
  }

  /** Follows a raw nats.js connection (the JetStream runtime's own). */
  static ofConnection(nc: NatsConnection): NatsLinkState {
    const link = new NatsLinkState();
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnecting') link.set(false);
        else if (s.type === 'reconnect') link.set(true);
      }
    })();
    void nc.closed().then(() => link.set(false));
    return link;
  }

  /** Follows a Nest NATS transport's `status` observable (`connected` | `disconnected` | `reconnecting`). */
  static ofTransport(status: Observable<string>): NatsLinkState {
    const link = new NatsLinkState();
    link.set(false);
    status.subscribe((s) => link.set(s === 'connected'));
    return link;
  }
}
