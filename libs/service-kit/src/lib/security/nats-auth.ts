import { randomBytes } from 'crypto';
import { inboxPrefixFor } from '../config/security-config';
import { formatTrustedKeys, GATEWAY_PRINCIPAL, generateSigningKeyPair } from './signing-keys';

/**
 * NATS users and subject permissions of the platform (DESIGN §5: every process connects with its own credentials).
 * A service answers only its own request subjects and publishes only its own events, plus the JetStream API calls
 * on the events stream it needs; the gateway may only send requests to services. Used by `npm start`
 * (tools/scripts/nats-auth.mjs), docker/ and the permission tests.
 */

/** The services of the platform, by schema: requests `partnership.>`, health `partnership-service.>`, events `evt.partnership.>`. */
export const PLATFORM_SERVICES = ['partnership', 'grants', 'mrv', 'credits'] as const;

export interface SubjectLayout {
  services: readonly string[];
  /** '' or 'name.' (JCM_RPC_PREFIX plus the dot), as in ServiceConfig.rpcPrefix. */
  rpcPrefix: string;
  /** JCM_EVENTS_PREFIX (`evt`). */
  eventsPrefix: string;
  /** JCM_EVENTS_STREAM (`JCM_EVENTS`). */
  stream: string;
}

export interface NatsPermissions {
  publish: { allow: string[]; deny?: string[] };
  subscribe: { allow: string[] };
  /** Lets a service answer the requests it received (their `_INBOX_<caller>` reply subjects), nothing else. */
  allow_responses?: boolean;
}

function requestSubjects(service: string, rpcPrefix: string): string[] {
  return [`${rpcPrefix}${service}.>`, `${rpcPrefix}${service}-service.>`];
}

export function natsPermissions(principal: string, layout: SubjectLayout): NatsPermissions {
  const inbox = `${inboxPrefixFor(principal)}.>`;
  if (principal === GATEWAY_PRINCIPAL) {
    return {
      publish: { allow: layout.services.flatMap((s) => requestSubjects(s, layout.rpcPrefix)) },
      subscribe: { allow: [inbox] },
    };
  }
  if (!layout.services.includes(principal)) throw new Error(`unknown principal ${principal}`);
  const st = layout.stream;
  return {
    publish: {
      allow: [
        `${layout.eventsPrefix}.${principal}.>`,
        // JetStream API, scoped to the events stream: ensure it, create/read durable consumers, pull, ack.
        '$JS.API.INFO',
        `$JS.API.STREAM.INFO.${st}`,
        `$JS.API.STREAM.CREATE.${st}`,
        `$JS.API.CONSUMER.*.${st}.>`,
        `$JS.API.CONSUMER.*.*.${st}.>`,
        `$JS.ACK.${st}.>`,
      ],
      // Durable consumers are shared by name across services' subscriptions: none may delete another's.
      deny: [`$JS.API.CONSUMER.DELETE.${st}.>`],
    },
    subscribe: { allow: [...requestSubjects(principal, layout.rpcPrefix), inbox] },
    allow_responses: true,
  };
}

/** What one process receives: its NATS user and password and its signing key (all secret). */
export interface ProcessSecrets {
  natsUser: string;
  natsPassword: string;
  signingKey: string;
}

export interface PlatformSecrets {
  processes: Record<string, ProcessSecrets>;
  /** Every principal's public key: `JCM_TRUSTED_KEYS` of every process (not secret). */
  trustedKeys: string;
}

/** Fresh credentials and keys for the gateway and every service (npm start does this on each run). */
export function generatePlatformSecrets(services: readonly string[] = PLATFORM_SERVICES): PlatformSecrets {
  const processes: Record<string, ProcessSecrets> = {};
  const publicKeys: Record<string, string> = {};
  for (const principal of [GATEWAY_PRINCIPAL, ...services]) {
    const pair = generateSigningKeyPair();
    publicKeys[principal] = pair.publicKey;
    processes[principal] = {
      natsUser: principal,
      natsPassword: randomBytes(24).toString('base64url'),
      signingKey: pair.privateKey,
    };
  }
  return { processes, trustedKeys: formatTrustedKeys(publicKeys) };
}

/** The environment one process is started with. */
export function processSecurityEnv(secrets: PlatformSecrets, principal: string): Record<string, string> {
  const p = secrets.processes[principal];
  if (!p) throw new Error(`no secrets for ${principal}`);
  return {
    JCM_NATS_USER: p.natsUser,
    JCM_NATS_PASSWORD: p.natsPassword,
    JCM_SIGNING_KEY: p.signingKey,
    JCM_TRUSTED_KEYS: secrets.trustedKeys,
  };
}

export interface NatsServerConfigOptions {
  /** `host:port`. */
  listen: string;
  storeDir: string;
  secrets: PlatformSecrets;
  layout: SubjectLayout;
  /** PEM files: clients must then connect with `tls://` (docker/README.md). */
  tls?: { certFile: string; keyFile: string };
  /** HTTP monitoring port (health probes), if any. */
  httpPort?: number;
}

/** The nats-server configuration: JetStream with its store, and one user per process with its permissions. */
export function natsServerConfig(opts: NatsServerConfigOptions): string {
  const q = (s: string) => JSON.stringify(s);
  const users = Object.entries(opts.secrets.processes).map(([principal, p]) => {
    const perms = natsPermissions(principal, opts.layout);
    const list = (xs: string[]) => `[${xs.map(q).join(', ')}]`;
    return [
      `    {`,
      `      user: ${q(p.natsUser)}, password: ${q(p.natsPassword)}`,
      `      permissions: {`,
      `        publish: { allow: ${list(perms.publish.allow)}${perms.publish.deny ? `, deny: ${list(perms.publish.deny)}` : ''} }`,
      `        subscribe: { allow: ${list(perms.subscribe.allow)} }`,
      ...(perms.allow_responses ? [`        allow_responses: true`] : []),
      `      }`,
      `    }`,
    ].join('\n');
  });
  return [
    `# Generated by @jcm/service-kit natsServerConfig: one user per process, least-privilege subjects.`,
    `listen: ${q(opts.listen)}`,
    ...(opts.httpPort ? [`http_port: ${opts.httpPort}`] : []),
    `jetstream { store_dir: ${q(opts.storeDir)} }`,
    ...(opts.tls ? [`tls { cert_file: ${q(opts.tls.certFile)}, key_file: ${q(opts.tls.keyFile)} }`] : []),
    `authorization {`,
    `  users: [`,
    users.join('\n'),
    `  ]`,
    `}`,
    '',
  ].join('\n');
}
