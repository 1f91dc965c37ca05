import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { connect, JSONCodec, NatsConnection } from 'nats';
import { PARTNERSHIP_RPC as RPC, PartnershipPage, PartnershipView, RequestContext } from '@jcm/contracts';
import { ContextSigner, generateSigningKeyPair, importPrivateKey, sendRpc } from '@jcm/service-kit';
import {
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  migrateForTest,
  startTestService,
  TEST_NATS_URL,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { PARTNERSHIP_MIGRATIONS } from '../../migrations';
import { PartnershipServiceModule } from '../app.module';

const party = (nameEn: string, country: string) => ({ orgId: randomUUID(), nameJa: nameEn, nameEn, country });
const json = JSONCodec<{ response?: { ok: boolean; data?: PartnershipPage; error?: { code: string } } }>();

/**
 * Issue #13 finding 1: a client on the NATS port that claimed `orgType: 'MOE'` read every partnership. The
 * service now answers only a context the gateway signed for this subject and data, once, within 30 s.
 */
describe('partnership-service refuses contexts the gateway did not sign (real NATS)', () => {
  const bus = testEventBus();
  let db: TestDatabase;
  let app: INestApplication;
  let nc: NatsConnection;
  const gateway = testNatsClient(bus);
  const moe = ctxFor(randomUUID(), 'MOE');
  const subject = `${bus.rpcPrefix}${RPC.partnership.list}`;

  /** A request as Nest's NATS transport frames it, sent by a raw client. */
  async function raw(body: unknown) {
    const reply = await nc.request(
      subject,
      json.encode({ pattern: RPC.partnership.list, data: body, id: randomUUID() } as never),
      { timeout: 5000 },
    );
    return json.decode(reply.data).response;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testServiceConfig('partnership', db.url, bus);
    await migrateForTest(config, PARTNERSHIP_MIGRATIONS);
    app = await startTestService('partnership-service', PartnershipServiceModule.register(config), bus);
    await gateway.connect();
    nc = await connect({ servers: TEST_NATS_URL });
    const cmd = {
      municipality: party('Yokohama', 'JP'),
      partnerCity: party('Bangkok', 'TH'),
      titleJa: '横浜市・バンコク都',
      titleEn: 'Yokohama–Bangkok',
      targetFields: ['waste'],
      targetFieldOther: null,
    };
    await sendRpc(gateway, RPC.partnership.create, moe, cmd, PartnershipView);
  });

  afterAll(async () => {
    await nc?.close();
    await gateway.close();
    await app?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('answers the gateway-signed MOE list (the pair exists)', async () => {
    expect((await sendRpc(gateway, RPC.partnership.list, moe, {}, PartnershipPage)).total).toBe(1);
  });

  it('refuses a raw client that claims to be MOE without a signature', async () => {
    const forged: RequestContext = { ...moe, correlationId: 'attacker' };
    const reply = await raw({ ctx: forged, data: {} });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(reply?.data).toBeUndefined();
  });

  it('refuses a context signed with a key that is not the gateway’s (e.g. a compromised service’s)', async () => {
    const other = new ContextSigner(importPrivateKey(generateSigningKeyPair().privateKey));
    const reply = await raw({ ctx: moe, data: {}, auth: other.sign(RPC.partnership.list, moe, {}) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a captured signed context replayed, or rewritten to MOE, or moved to another subject', async () => {
    const signer = gateway.contextSigner as ContextSigner;
    const municipality = ctxFor(randomUUID(), 'MUNICIPALITY');
    const auth = signer.sign(RPC.partnership.list, municipality, {});
    expect(await raw({ ctx: municipality, data: {}, auth })).toMatchObject({ ok: true });
    expect(await raw({ ctx: municipality, data: {}, auth })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const fresh = signer.sign(RPC.partnership.list, municipality, {});
    expect(await raw({ ctx: { ...municipality, orgType: 'MOE' }, data: {}, auth: fresh })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const elsewhere = signer.sign(RPC.partnership.get, municipality, {});
    expect(await raw({ ctx: municipality, data: {}, auth: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
