// Test-only: boots the gateway against the real partnership and credits services (in-process) on a fresh database.
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bootService, createTestDatabase, deleteTestStream, TestBus, TestDatabase, testEventBus, testServiceConfig } from '@jcm/testing';
import { GatewayConfig } from '../config/gateway-config';
import { createGatewayApp, migrateIdentity } from '../create-gateway-app';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../demo/demo-data';
import { DemoSeeder } from '../demo/demo-seeder';

export interface GatewayWorld {
  db: TestDatabase;
  bus: TestBus;
  gateway: INestApplication;
  services: INestApplication[];
  /** Bearer tokens of the demo accounts by mailbox (`moe`, `yokohama`, …). */
  tokens: Record<string, string>;
  http: () => ReturnType<typeof request>;
  as: (who: string) => { Authorization: string };
}

/** The demo seeder opens registry accounts and city pairs, so both services it talks to run too. */
export async function startGatewayWorld(overrides: Partial<Omit<GatewayConfig, 'service'>> = {}): Promise<GatewayWorld> {
  const db = await createTestDatabase();
  const bus = testEventBus();
  const services: INestApplication[] = [];
  for (const service of ['partnership-service', 'credits-service'] as const) services.push((await bootService(service, db, bus)).app);
  const config: GatewayConfig = {
    service: testServiceConfig('identity', db.url, bus),
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    jwtTtlSeconds: 600,
    port: 0,
    host: '127.0.0.1',
    portalDist: null,
    production: false,
    publicUrl: null,
    trustProxy: null,
    ...overrides,
  };
  await migrateIdentity(config);
  const gateway = await createGatewayApp(config);
  await gateway.init();
  await gateway.get(DemoSeeder).seed();
  const http = () => request(gateway.getHttpServer());
  const tokens: Record<string, string> = {};
  for (const o of DEMO_ORGANISATIONS) {
    const res = await http().post('/api/v1/auth/login').send({ email: o.account.email, password: DEMO_PASSWORD });
    tokens[o.account.email.split('@')[0]] = res.body.accessToken;
  }
  return { db, bus, gateway, services, tokens, http, as: (who) => ({ Authorization: `Bearer ${tokens[who]}` }) };
}

export async function stopGatewayWorld(world: GatewayWorld | undefined): Promise<void> {
  if (!world) return;
  await world.gateway.close();
  for (const s of world.services) await s.close();
  await deleteTestStream(world.bus.stream);
  await world.db.drop();
}
