import { generatePlatformSecrets, processSecurityEnv } from '@jcm/service-kit';
import { loadGatewayConfig } from './gateway-config';

/** A production environment that passes every check; each test breaks one thing. */
function productionEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(40),
    JCM_DB_ROLE_PASSWORD: 'a-real-role-password-0123456789',
    ...processSecurityEnv(generatePlatformSecrets(), 'gateway'),
    ...overrides,
  };
}

describe('loadGatewayConfig', () => {
  it('refuses to start in production without a JWT secret from the environment', () => {
    expect(() => loadGatewayConfig(productionEnv({ JWT_SECRET: undefined }))).toThrow(/JWT_SECRET/);
  });

  it('refuses a short production secret', () => {
    expect(() => loadGatewayConfig(productionEnv({ JWT_SECRET: 'short' }))).toThrow(/JWT_SECRET/);
  });

  it('uses the given secret in production, and treats NODE_ENV in any case as production', () => {
    const secret = 'x'.repeat(40);
    expect(loadGatewayConfig(productionEnv({ JWT_SECRET: secret })).jwtSecret).toBe(secret);
    expect(loadGatewayConfig(productionEnv({ NODE_ENV: 'Production' })).production).toBe(true);
    expect(() => loadGatewayConfig(productionEnv({ NODE_ENV: 'PRODUCTION', JWT_SECRET: undefined }))).toThrow(
      /JWT_SECRET/,
    );
  });

  it('refuses production with the default or a missing database role password', () => {
    expect(() => loadGatewayConfig(productionEnv({ JCM_DB_ROLE_PASSWORD: undefined }))).toThrow(
      /JCM_DB_ROLE_PASSWORD/,
    );
    expect(() => loadGatewayConfig(productionEnv({ JCM_DB_ROLE_PASSWORD: 'jcm-dev-role-password' }))).toThrow(
      /JCM_DB_ROLE_PASSWORD/,
    );
    expect(() =>
      loadGatewayConfig(productionEnv({ NODE_ENV: 'Production', JCM_DB_ROLE_PASSWORD: undefined })),
    ).toThrow(/JCM_DB_ROLE_PASSWORD/);
  });

  it('refuses production with demo data, or without signing keys or NATS credentials', () => {
    expect(() => loadGatewayConfig(productionEnv({ JCM_DEMO: '1' }))).toThrow(/JCM_DEMO/);
    expect(() => loadGatewayConfig(productionEnv({ JCM_SIGNING_KEY: undefined }))).toThrow(/JCM_SIGNING_KEY/);
    expect(() => loadGatewayConfig(productionEnv({ JCM_TRUSTED_KEYS: undefined }))).toThrow(
      /JCM_TRUSTED_KEYS/,
    );
    expect(() => loadGatewayConfig(productionEnv({ JCM_NATS_PASSWORD: undefined }))).toThrow(/JCM_NATS_USER/);
  });

  it('makes a random per-process secret in development, and binds to 127.0.0.1 unless HOST says otherwise', () => {
    const a = loadGatewayConfig({}).jwtSecret;
    const b = loadGatewayConfig({}).jwtSecret;
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
    expect(loadGatewayConfig({}).host).toBe('127.0.0.1');
    expect(loadGatewayConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
