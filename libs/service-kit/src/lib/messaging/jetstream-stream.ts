import { JetStreamManager, nanos, RetentionPolicy, StorageType } from 'nats';

/** How long JetStream remembers a message id to drop a re-published outbox row (Nats-Msg-Id). */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Creates the events stream if missing (nats-server 2.9 compatible: one subject filter, no 2.10 features).
 * Every service calls it at start, so start order does not matter.
 */
export async function ensureEventStream(
  jsm: JetStreamManager,
  stream: string,
  prefix: string,
): Promise<void> {
  try {
    await jsm.streams.info(stream);
    return;
  } catch (err) {
    if (!String((err as Error).message).includes('not found')) throw err;
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [`${prefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } catch (err) {
    // A concurrent starter created it: that is the state we wanted.
    if (!String((err as Error).message).includes('already in use')) throw err;
  }
}
