import { generatePlatformSecrets, processSecurityEnv } from '../security/nats-auth';
import { loadServiceConfig, withRole } from './service-config';

const production = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  JCM_DB_ROLE_PASSWORD: 'a-real-role-password-0123456789',
  ...processSecurityEnv(generatePlatformSecrets(), 'mrv'),
  ...overrides,
});

describe('loadServiceConfig', () => {
  it('connects the service as its own role on the same server and database', () => {
    const c = loadServiceConfig('partnership', { DATABASE_URL: 'postgres://postgres@db.local:5433/jcm' });
    expect(c.dbRole).toBe('jcm_partnership');
    expect(c.serviceDatabaseUrl).toBe('postgres://jcm_partnership:jcm-dev-role-password@db.local:5433/jcm');
    expect(c.adminDatabaseUrl).toBe('postgres://postgres@db.local:5433/jcm');
  });

  it('uses the production stream and no request prefix by default, and isolates when asked', () => {
    expect(loadServiceConfig('mrv', {})).toMatchObject({
      eventsStream: 'JCM_EVENTS',
      eventsPrefix: 'evt',
      rpcPrefix: '',
    });
    expect(loadServiceConfig('mrv', { JCM_RPC_PREFIX: 'e2e1' }).rpcPrefix).toBe('e2e1.');
  });

  it('refuses a request prefix inside the events stream’s subjects (JetStream would answer the requests)', () => {
    expect(() => loadServiceConfig('mrv', { JCM_RPC_PREFIX: 'e2e1', JCM_EVENTS_PREFIX: 'e2e1' })).toThrow(
      /must differ/,
    );
  });

  it('rejects a malformed stream name rather than creating a surprising stream', () => {
    expect(() => loadServiceConfig('mrv', { JCM_EVENTS_STREAM: 'a b' })).toThrow();
  });
});

describe('loadServiceConfig in production (NODE_ENV in any case)', () => {
  it('starts with a real role password, signing keys and NATS credentials', () => {
    const c = loadServiceConfig('mrv', production({ NODE_ENV: 'Production' }));
    expect(c.security.nats?.user).toBe('mrv');
    expect(c.security.signingKey).not.toBeNull();
    expect([...c.security.trustedKeys.keys()]).toEqual([
      'gateway',
      'partnership',
      'grants',
      'mrv',
      'credits',
    ]);
  });

  it('refuses the default or a missing role password, demo data, and missing keys or credentials', () => {
    for (const NODE_ENV of ['production', 'Production', 'PRODUCTION ']) {
      expect(() =>
        loadServiceConfig('mrv', production({ NODE_ENV, JCM_DB_ROLE_PASSWORD: undefined })),
      ).toThrow(/JCM_DB_ROLE_PASSWORD/);
    }
    expect(() =>
      loadServiceConfig('mrv', production({ JCM_DB_ROLE_PASSWORD: 'jcm-dev-role-password' })),
    ).toThrow(/JCM_DB_ROLE_PASSWORD/);
    expect(() => loadServiceConfig('mrv', production({ JCM_DEMO: '1' }))).toThrow(/JCM_DEMO/);
    expect(() => loadServiceConfig('mrv', production({ JCM_SIGNING_KEY: undefined }))).toThrow(
      /JCM_SIGNING_KEY/,
    );
    expect(() => loadServiceConfig('mrv', production({ JCM_NATS_USER: undefined }))).toThrow(/JCM_NATS_USER/);
  });

  it('keeps the development defaults outside production, without credentials for an open NATS', () => {
    expect(loadServiceConfig('mrv', { NODE_ENV: 'development' }).security).toMatchObject({
      signingKey: null,
      nats: null,
    });
  });
});

describe('withRole', () => {
  it('escapes special characters in the password', () => {
    expect(withRole('postgres://postgres@h/db', 'jcm_x', 'p@ss/w:rd')).toBe(
      'postgres://jcm_x:p%40ss%2Fw%3Ard@h/db',
    );
  });
});
