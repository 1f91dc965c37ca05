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
