import { loadGatewayConfig } from './gateway-config';

describe('loadGatewayConfig', () => {
  it('refuses to start in production without a JWT secret from the environment', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('refuses a short production secret', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow();
  });

  it('uses the given secret in production', () => {
    const secret = 'x'.repeat(40);
    expect(loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('makes a random per-process secret in development', () => {
    const a = loadGatewayConfig({}).jwtSecret;
    const b = loadGatewayConfig({}).jwtSecret;
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
  });
});
