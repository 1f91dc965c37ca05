import { KeyObject } from 'crypto';
import { Logger } from '@nestjs/common';
import { importPrivateKey, parseTrustedKeys } from '../security/signing-keys';

/** Credentials and keys of one process (DESIGN §5): its NATS user, its signing key, everyone's public keys. */
export interface ServiceSecurity {
  /** This process's Ed25519 key: the gateway signs callers' contexts with it, a service its events. */
  signingKey: KeyObject | null;
  /** Public keys by principal (`gateway`, `partnership`, …). */
  trustedKeys: Map<string, KeyObject>;
  /** Null against a NATS server without authorisation (the shared dev/CI server). */
  nats: { user: string; pass: string } | null;
}

/** The default of JCM_DB_ROLE_PASSWORD outside production; refused in production. */
export const DEV_DB_ROLE_PASSWORD = 'jcm-dev-role-password';

/** `NODE_ENV` names production in any case (`production`, `Production`, `PRODUCTION`). */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['NODE_ENV'] ?? '').trim().toLowerCase() === 'production';
}

/**
 * Refuses, in production, every default that would make a deployment guessable: the development database role
 * password, demo accounts, and running without signing keys or NATS credentials.
 */
export function assertProductionSafe(env: NodeJS.ProcessEnv = process.env): void {
  if (!isProduction(env)) return;
  const problems: string[] = [];
  const rolePassword = env['JCM_DB_ROLE_PASSWORD'];
  if (!rolePassword || rolePassword === DEV_DB_ROLE_PASSWORD || rolePassword.length < 16) {
    problems.push('JCM_DB_ROLE_PASSWORD must be set to a non-default password of 16+ characters');
  }
  if (env['JCM_DEMO'] === '1')
    problems.push('JCM_DEMO=1 (demo accounts with a published password) is refused');
  if (!env['JCM_SIGNING_KEY'] || !env['JCM_TRUSTED_KEYS']) {
    problems.push(
      'JCM_SIGNING_KEY and JCM_TRUSTED_KEYS are required (node tools/scripts/nats-auth.mjs generates them)',
    );
  }
  if (!env['JCM_NATS_USER'] || !env['JCM_NATS_PASSWORD'])
    problems.push('JCM_NATS_USER and JCM_NATS_PASSWORD are required');
  if (problems.length)
    throw new Error(`Refusing to start with NODE_ENV=${env['NODE_ENV']}:\n  - ${problems.join('\n  - ')}`);
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): ServiceSecurity {
  assertProductionSafe(env);
  const signingKey = env['JCM_SIGNING_KEY'] ? importPrivateKey(env['JCM_SIGNING_KEY']) : null;
  const trustedKeys = parseTrustedKeys(env['JCM_TRUSTED_KEYS'] ?? '');
  if (!signingKey || trustedKeys.size === 0) {
    // Development only (production refused above): requests and events are then refused, never trusted unsigned.
    new Logger('Security').warn(
      'JCM_SIGNING_KEY / JCM_TRUSTED_KEYS not set: signed requests and events will be refused',
    );
  }
  const user = env['JCM_NATS_USER'];
  const pass = env['JCM_NATS_PASSWORD'];
  return { signingKey, trustedKeys, nats: user && pass ? { user, pass } : null };
}

/** Connection options of every NATS connection of a process: its user, and an inbox only it may read. */
export function natsAuthOptions(security: Pick<ServiceSecurity, 'nats'>): {
  user?: string;
  pass?: string;
  inboxPrefix?: string;
} {
  if (!security.nats) return {};
  return {
    user: security.nats.user,
    pass: security.nats.pass,
    inboxPrefix: inboxPrefixFor(security.nats.user),
  };
}

/** Replies to a process's requests arrive under its own inbox prefix, so no other user can subscribe to them. */
export function inboxPrefixFor(user: string): string {
  return `_INBOX_${user}`;
}
