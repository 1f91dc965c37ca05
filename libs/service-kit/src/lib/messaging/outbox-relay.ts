import { Logger } from '@nestjs/common';
import { JetStreamClient, StringCodec } from 'nats';
import { DataSource } from 'typeorm';
import { EventSigner } from '../security/event-signature';

const codec = StringCodec();

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  js: JetStreamClient;
  stream: string;
  prefix: string;
  batchSize?: number;
  intervalMs?: number;
  /** Signs each event as this service's (consumers refuse unsigned events); null only without a signing key. */
  signer?: EventSigner | null;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  event_type: string;
  envelope: unknown;
}

/**
 * Publishes committed outbox rows to JetStream and marks them sent. Rows are locked (SKIP LOCKED) so replicas
 * share the work; each is published with its event id as Nats-Msg-Id, so a relay that dies after publishing and
 * before marking re-publishes a duplicate that JetStream drops (and consumers de-duplicate by event id anyway).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly opts: OutboxRelayOptions) {}

  /** One pass; `afterPublish` lets tests simulate a crash between publish and mark. */
  async relayOnce(afterPublish?: (eventIds: string[]) => Promise<void>): Promise<number> {
    const { dataSource, schema, js, stream, prefix } = this.opts;
    return dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, event_id, event_type, envelope FROM ${schema}.outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.opts.batchSize ?? 100],
      );
      if (rows.length === 0) return 0;
      for (const row of rows) {
        const subject = `${prefix}.${row.event_type}`;
        const body = codec.encode(JSON.stringify(row.envelope));
        await js.publish(subject, body, {
          msgID: row.event_id,
          expect: { streamName: stream },
          headers: this.opts.signer?.headers(subject, row.event_id, body),
        });
      }
      if (afterPublish) await afterPublish(rows.map((r) => r.event_id));
      await manager.query(`UPDATE ${schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }

  start(): void {
    const tick = async () => {
      try {
        let sent: number;
        do sent = await this.relayOnce();
        while (sent > 0 && this.timer);
      } catch (err) {
        this.logger.warn(`outbox relay pass failed, will retry: ${(err as Error).message}`);
      }
      if (this.timer) this.timer = setTimeout(() => (this.running = tick()), this.opts.intervalMs ?? 200);
    };
    this.timer = setTimeout(() => (this.running = tick()), 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
