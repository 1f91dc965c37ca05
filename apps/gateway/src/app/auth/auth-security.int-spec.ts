import jwt from 'jsonwebtoken';
import request from 'supertest';
import { queryAs } from '@jcm/testing';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { createGatewayApp } from '../create-gateway-app';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';
import { AuthService } from './auth.service';
import { LOGIN_THROTTLE_POLICY } from './login-throttle';

/**
 * Issue #13 findings 2 (no login rate limit: 35 wrong passwords in 0.7 s, never a 429) and 6/7 (tokens without
 * `exp`, a non-UUID `sub` answered 500, no HSTS, no `no-store`). Behind `trust proxy`, each test signs in from its
 * own client address (X-Forwarded-For), as users behind a reverse proxy would.
 */
describe('gateway sign-in protection and token rules (real PostgreSQL)', () => {
  let world: GatewayWorld;
  let address = 0;
  const from = () => `203.0.113.${++address}`;
  const login = (email: string, password: string, ip: string, http = world.http()) =>
    http.post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  beforeAll(async () => {
    world = await startGatewayWorld({ publicUrl: 'https://jcm.example.go.jp', trustProxy: 'loopback' });
  });

  afterAll(() => stopGatewayWorld(world));

  afterEach(() => {
    world.gateway.get(AuthService).throttle.policy = LOGIN_THROTTLE_POLICY;
  });

  it('locks an account after 10 failures: 429 with Retry-After, even for the right password, from anywhere', async () => {
    const ip = from();
    for (let i = 0; i < 10; i++) await login('kitakyushu@demo.example', 'wrong-password', ip).expect(401);
    const locked = await login('kitakyushu@demo.example', 'wrong-password', ip).expect(429);
    expect(locked.body).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many sign-in attempts: try again later',
    });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(15 * 60 - 30);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    await login('kitakyushu@demo.example', DEMO_PASSWORD, from()).expect(429);
  });

  it('answers an unknown account exactly like a known one, lockout included', async () => {
    const ip = from();
    const known = await login('koror@demo.example', 'wrong-password', ip).expect(401);
    const unknown = await login('nobody@demo.example', 'wrong-password', ip).expect(401);
    expect(unknown.body).toEqual(known.body);
    for (let i = 0; i < 9; i++) await login('nobody@demo.example', 'wrong-password', ip).expect(401);
    const locked = await login('nobody@demo.example', 'wrong-password', ip).expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('lets no more than 10 of a parallel burst of 35 guesses be checked', async () => {
    const ip = from();
    const burst = await Promise.all(
      Array.from({ length: 35 }, () => login('company@demo.example', 'guess-guess', ip)),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('blocks a client address that tries many accounts, while other addresses still sign in', async () => {
    const ip = from();
    for (let i = 0; i < LOGIN_THROTTLE_POLICY.addressAttempts; i++) {
      await login(`spray-${i}@demo.example`, 'wrong-password', ip).expect(401);
    }
    await login('tpe@demo.example', DEMO_PASSWORD, ip).expect(429);
    await login('tpe@demo.example', DEMO_PASSWORD, from()).expect(200);
  });

  it('keeps the count in PostgreSQL: a second gateway replica sees the lockout, and it ends after the lock time', async () => {
    const config = world.gateway.get<string, GatewayConfig>(GATEWAY_CONFIG);
    const replica = await createGatewayApp(config);
    await replica.init();
    try {
      const short = { ...LOGIN_THROTTLE_POLICY, accountAttempts: 2, lockSeconds: 1 };
      world.gateway.get(AuthService).throttle.policy = short;
      replica.get(AuthService).throttle.policy = short;
      const ip = from();
      await login('gec@demo.example', 'wrong-password', ip).expect(401);
      await login('gec@demo.example', 'wrong-password', ip).expect(401);
      await login('gec@demo.example', DEMO_PASSWORD, ip, request(replica.getHttpServer())).expect(429);
      await new Promise((r) => setTimeout(r, 1500));
      await login('gec@demo.example', DEMO_PASSWORD, ip, request(replica.getHttpServer())).expect(200);
      const rows = await queryAs<{ attempts: number }>(
        world.db.url,
        {},
        `SELECT attempts FROM identity.login_throttle WHERE key = 'account:gec@demo.example'`,
      );
      expect(rows).toEqual([]); // a success starts the account afresh
    } finally {
      await replica.close();
    }
  });

  it('forgets counters whose window and lock ended more than a day ago', async () => {
    await queryAs(
      world.db.url,
      {},
      `INSERT INTO identity.login_throttle (key, attempts, window_started_at) VALUES ('account:old@demo.example', 3, now() - interval '2 days')`,
    );
    await world.gateway.get(AuthService).throttle.forgetStale();
    const left = await queryAs(
      world.db.url,
      {},
      `SELECT key FROM identity.login_throttle WHERE key = 'account:old@demo.example' OR key LIKE 'account:kitakyushu%'`,
    );
    expect(left).toEqual([{ key: 'account:kitakyushu@demo.example' }]); // the live lock stays
  });

  it('refuses a validly signed token without exp, or with a sub that is not a UUID, with 401', async () => {
    const me = await world.http().get('/api/v1/me').set(world.as('moe')).expect(200);
    const secret = world.gateway.get<string, GatewayConfig>(GATEWAY_CONFIG).jwtSecret;
    const forever = jwt.sign({ sub: me.body.user.id, org: me.body.organisation.id }, secret, {
      algorithm: 'HS256',
      noTimestamp: true,
    });
    await world
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${forever}` })
      .expect(401);
    const odd = jwt.sign({ sub: 'not-a-uuid', org: me.body.organisation.id }, secret, {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    const res = await world
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${odd}` })
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const fine = jwt.sign({ sub: me.body.user.id, org: me.body.organisation.id }, secret, {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    await world
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${fine}` })
      .expect(200);
  });

  it('sends HSTS for an https public URL and no-store on API answers', async () => {
    const res = await world.http().get('/api/v1/partnerships').set(world.as('moe')).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const me = await world.http().get('/api/v1/me').set(world.as('moe')).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
  });
});
