import { loadServiceConfig, withRole } from './service-config';

describe('loadServiceConfig', () => {
  it('connects the service as its own role on the same server and database', () => {
    const c = loadServiceConfig('partnership', { DATABASE_URL: 'postgres://postgres@db.local:5433/jcm' });
    expect(c.dbRole).toBe('jcm_partnership');
    expect(c.serviceDatabaseUrl).toBe('postgres://jcm_partnership:jcm-dev-role-password@db.local:5433/jcm');
    expect(c.adminDatabaseUrl).toBe('postgres://postgres@db.local:5433/jcm');
  });

  it('uses the production stream and no request prefix by default, and isolates when asked', () => {
    expect(loadServiceConfig('mrv', {})).toMatchObject({ eventsStream: 'JCM_EVENTS', eventsPrefix: 'evt', rpcPrefix: '' });
    expect(loadServiceConfig('mrv', { JCM_RPC_PREFIX: 'e2e1' }).rpcPrefix).toBe('e2e1.');
  });

  it('refuses a request prefix inside the events stream’s subjects (JetStream would answer the requests)', () => {
    expect(() => loadServiceConfig('mrv', { JCM_RPC_PREFIX: 'e2e1', JCM_EVENTS_PREFIX: 'e2e1' })).toThrow(/must differ/);
  });

  it('rejects a malformed stream name rather than creating a surprising stream', () => {
    expect(() => loadServiceConfig('mrv', { JCM_EVENTS_STREAM: 'a b' })).toThrow();
  });
});

describe('withRole', () => {
  it('escapes special characters in the password', () => {
    expect(withRole('postgres://postgres@h/db', 'jcm_x', 'p@ss/w:rd')).toBe('postgres://jcm_x:p%40ss%2Fw%3Ard@h/db');
  });
});
