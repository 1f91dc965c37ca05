import { tenantFunctionsSql, dropTenantFunctionsSql } from './tenant-sql';

/**
 * The tables every service has (DESIGN §4): the transactional outbox and the consumer's processed-event log.
 * Used by each service's first migration so the shape stays the same everywhere.
 */
export function messagingPlumbingUpSql(schema: string): string[] {
  return [
    tenantFunctionsSql(schema),
    `CREATE TABLE ${schema}.outbox (
       seq bigserial PRIMARY KEY,
       event_id uuid NOT NULL UNIQUE,
       event_type text NOT NULL,
       envelope jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz
     )`,
    `CREATE INDEX outbox_unpublished ON ${schema}.outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE ${schema}.processed_event (
       consumer text NOT NULL,
       event_id uuid NOT NULL,
       event_type text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, event_id)
     )`,
  ];
}

export function messagingPlumbingDownSql(schema: string): string[] {
  return [
    `DROP TABLE IF EXISTS ${schema}.processed_event`,
    `DROP TABLE IF EXISTS ${schema}.outbox`,
    dropTenantFunctionsSql(schema),
  ];
}

/**
 * Per-aggregate event order (DESIGN §4 "Ordering"), added by each service's event-ordering migration:
 * - `aggregate_sequence`: the producer's counter. `nextAggregateSeq` bumps it with INSERT … ON CONFLICT DO UPDATE,
 *   which row-locks the aggregate's counter until commit, so two transactions on one aggregate get consecutive
 *   numbers in commit order even when the writer holds no lock on the aggregate itself; a rollback returns the number.
 * - `outbox.aggregate_id` / `aggregate_seq`: the numbers as written (the envelope carries them too).
 * - `consumer_position`: the consumer's last applied number per aggregate, locked in the consumer's transaction, so
 *   any number of replicas apply one aggregate's events one after the other, in order.
 */
export function eventOrderingUpSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.aggregate_sequence (
       aggregate_id text PRIMARY KEY,
       last_seq bigint NOT NULL
     )`,
    `ALTER TABLE ${schema}.outbox ADD COLUMN aggregate_id text, ADD COLUMN aggregate_seq bigint`,
    `CREATE UNIQUE INDEX outbox_aggregate_seq ON ${schema}.outbox (aggregate_id, aggregate_seq) WHERE aggregate_id IS NOT NULL`,
    `CREATE TABLE ${schema}.consumer_position (
       consumer text NOT NULL,
       aggregate_id text NOT NULL,
       last_seq bigint NOT NULL,
       PRIMARY KEY (consumer, aggregate_id)
     )`,
  ];
}

export function eventOrderingDownSql(schema: string): string[] {
  return [
    `DROP TABLE IF EXISTS ${schema}.consumer_position`,
    `DROP INDEX IF EXISTS ${schema}.outbox_aggregate_seq`,
    `ALTER TABLE ${schema}.outbox DROP COLUMN IF EXISTS aggregate_seq, DROP COLUMN IF EXISTS aggregate_id`,
    `DROP TABLE IF EXISTS ${schema}.aggregate_sequence`,
  ];
}
