import { z } from 'zod';
import { DEV_DB_ROLE_PASSWORD, loadSecurityConfig, ServiceSecurity } from './security-config';

const Env = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/jcm'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Password of the per-service, non-superuser database roles (ignored under trust auth). */
  JCM_DB_ROLE_PASSWORD: z.string().min(8).default(DEV_DB_ROLE_PASSWORD),
  JCM_EVENTS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('JCM_EVENTS'),
  JCM_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('evt'),
  JCM_RPC_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Request/reply subject prefix: empty in production; tests and the e2e stack isolate themselves with one. */
  JCM_RPC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .default(''),
  JCM_OUTBOX_RELAY: z.enum(['on', 'off']).default('on'),
});

export interface ServiceConfig {
  /** Admin connection: used only to run migrations (creates the role and schema). */
  adminDatabaseUrl: string;
  /** The service's own role, without superuser or BYPASSRLS, so row-level security applies. */
  serviceDatabaseUrl: string;
  dbRole: string;
  dbRolePassword: string;
  schema: string;
  natsUrl: string;
  eventsStream: string;
  eventsPrefix: string;
  rpcTimeoutMs: number;
  /** Off only in tests that drive the relay by hand (crash simulation). */
  outboxRelay: boolean;
  /** '' or '<name>.', prepended to every request/reply subject by servers and clients alike. */
  rpcPrefix: string;
  /** NATS credentials and signing keys (production refuses to start without them). */
  security: ServiceSecurity;
}

/** Database role of a service: `partnership-service` → `jcm_partnership`. */
export function dbRoleFor(schema: string): string {
  return `jcm_${schema}`;
}

/** Same server and database as `adminUrl`, logged in as `role`. */
export function withRole(adminUrl: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

export function loadServiceConfig(schema: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const security = loadSecurityConfig(env);
  const parsed = Env.parse(env);
  if (parsed.JCM_RPC_PREFIX && parsed.JCM_RPC_PREFIX === parsed.JCM_EVENTS_PREFIX) {
    // The events stream captures `<events prefix>.>`: requests under it would be answered by JetStream's PubAck.
    throw new Error('JCM_RPC_PREFIX must differ from JCM_EVENTS_PREFIX');
  }
  const dbRole = dbRoleFor(schema);
  return {
    adminDatabaseUrl: parsed.DATABASE_URL,
    serviceDatabaseUrl: withRole(parsed.DATABASE_URL, dbRole, parsed.JCM_DB_ROLE_PASSWORD),
    dbRole,
    dbRolePassword: parsed.JCM_DB_ROLE_PASSWORD,
    schema,
    natsUrl: parsed.NATS_URL,
    eventsStream: parsed.JCM_EVENTS_STREAM,
    eventsPrefix: parsed.JCM_EVENTS_PREFIX,
    rpcTimeoutMs: parsed.JCM_RPC_TIMEOUT_MS,
    outboxRelay: parsed.JCM_OUTBOX_RELAY === 'on',
    rpcPrefix: parsed.JCM_RPC_PREFIX ? `${parsed.JCM_RPC_PREFIX}.` : '',
    security,
  };
}
