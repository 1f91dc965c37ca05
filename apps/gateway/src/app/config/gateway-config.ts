import { randomBytes } from 'crypto';
import { z } from 'zod';
import { isProduction, loadServiceConfig, ServiceConfig } from '@jcm/service-kit';

const Env = z.object({
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Local unless asked: a gateway with demo accounts must not be reachable from the network by accident. */
  HOST: z.string().default('127.0.0.1'),
  PORTAL_DIST: z.string().optional(),
  /** Where users reach the portal (`https://jcm.example.go.jp`); https turns on HSTS. */
  JCM_PUBLIC_URL: z.string().url().optional(),
  /** Express `trust proxy` behind a reverse proxy (`1`, `loopback`, a CIDR): login throttling keys on the client address. */
  JCM_TRUST_PROXY: z.string().optional(),
});

export interface GatewayConfig {
  service: ServiceConfig;
  jwtSecret: string;
  jwtTtlSeconds: number;
  port: number;
  host: string;
  portalDist: string | null;
  production: boolean;
  /** JCM_PUBLIC_URL, if set: an https URL makes every response carry Strict-Transport-Security. */
  publicUrl: string | null;
  /** Express `trust proxy` (hops or addresses); null: the socket's address is the client's. */
  trustProxy: number | string | null;
}

export const GATEWAY_CONFIG = 'JCM_GATEWAY_CONFIG';

/**
 * In production (NODE_ENV in any case) a JWT secret must come from the environment: tokens signed with a
 * guessable key are forgeable. The service config refuses the other production defaults (role password, demo
 * data, signing keys, NATS credentials).
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = Env.parse(env);
  const production = isProduction(env);
  if (production && !parsed.JWT_SECRET) {
    throw new Error('JWT_SECRET (at least 32 characters) must be set when NODE_ENV=production');
  }
  return {
    service: loadServiceConfig('identity', env),
    // Development only: a per-process random key (sessions end when the gateway restarts).
    jwtSecret: parsed.JWT_SECRET ?? randomBytes(32).toString('hex'),
    jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
    port: parsed.PORT,
    host: parsed.HOST,
    portalDist: parsed.PORTAL_DIST ?? null,
    production,
    publicUrl: parsed.JCM_PUBLIC_URL ?? null,
    trustProxy:
      parsed.JCM_TRUST_PROXY === undefined
        ? null
        : /^\d+$/.test(parsed.JCM_TRUST_PROXY)
          ? Number(parsed.JCM_TRUST_PROXY)
          : parsed.JCM_TRUST_PROXY,
  };
}
