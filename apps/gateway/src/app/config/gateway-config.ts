import { randomBytes } from 'crypto';
import { z } from 'zod';
import { loadServiceConfig, ServiceConfig } from '@jcm/service-kit';

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  JWT_SECRET: z.string().min(32).optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  PORTAL_DIST: z.string().optional(),
});

export interface GatewayConfig {
  service: ServiceConfig;
  jwtSecret: string;
  jwtTtlSeconds: number;
  port: number;
  host: string;
  portalDist: string | null;
  production: boolean;
}

export const GATEWAY_CONFIG = 'JCM_GATEWAY_CONFIG';

/** In production a JWT secret must come from the environment: tokens signed with a guessable key are forgeable. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = Env.parse(env);
  const production = parsed.NODE_ENV === 'production';
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
  };
}
