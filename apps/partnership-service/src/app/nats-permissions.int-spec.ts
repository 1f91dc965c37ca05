import { INestApplication } from '@nestjs/common';
import { connect, ConnectionOptions, JSONCodec, NatsConnection, StringCodec } from 'nats';
import { PARTNERSHIP_RPC as RPC, PartnershipView } from '@jcm/contracts';
import {
  EventVerifier,
  natsAuthOptions,
  natsServerConfig,
  PLATFORM_SERVICES,
  PrefixedClientNats,
  sendRpc,
  ServiceSecurity,
  SubjectLayout,
} from '@jcm/service-kit';
import {
  connectionRefused,
  createTestDatabase,
  ctxFor,
  eventually,
  migrateForTest,
  OwnNatsServer,
  startOwnNatsServer,
  startTestService,
  testContextSigner,
  TestDatabase,
  testEventBus,
  testSecrets,
  testSecurity,
  testServiceConfig,
} from '@jcm/testing';
import { randomUUID } from 'crypto';
import { PARTNERSHIP_MIGRATIONS } from '../migrations';
import { PartnershipServiceModule } from './app.module';

const sc = StringCodec();
const party = (nameEn: string, country: string) => ({ orgId: randomUUID(), nameJa: nameEn, nameEn, country });

/**
 * Issue #13 finding 1 (NATS had no authentication): against a nats-server of its own, started with the generated
 * configuration, this proves that every process needs its credentials and stays inside its subjects — and that the
 * permissions are enough for the real service (requests, outbox relay, consumers).
 */
describe('NATS users and subject permissions (own nats-server with the generated config)', () => {
  const bus = testEventBus();
  const layout: SubjectLayout = {
    services: PLATFORM_SERVICES,
    rpcPrefix: bus.rpcPrefix,
    eventsPrefix: bus.prefix,
    stream: bus.stream,
  };
  const secrets = testSecrets();
  let server: OwnNatsServer;
  let db: TestDatabase;
  let app: INestApplication;
  const open: NatsConnection[] = [];

  const securityOf = (principal: string, schema = principal): ServiceSecurity => ({
    ...testSecurity(schema),
    nats: { user: secrets.processes[principal].natsUser, pass: secrets.processes[principal].natsPassword },
  });
  const as = async (principal: string): Promise<NatsConnection> => {
    const opts: ConnectionOptions = {
      servers: server.url,
      ...natsAuthOptions(securityOf(principal, principal === 'gateway' ? 'identity' : principal)),
    };
    const nc = await connect(opts);
    open.push(nc);
    return nc;
  };
  /** Errors the server reports on this connection while `action` runs (permission violations are asynchronous). */
  async function violations(nc: NatsConnection, action: () => unknown): Promise<string[]> {
    const errors: string[] = [];
    const watch = (async () => {
      for await (const s of nc.status()) if (s.type === 'error') errors.push(String(s.data));
    })();
    void watch;
    await action();
    await nc.flush().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    return errors;
  }
  const streamMessages = async () =>
    (await (await (await as('credits')).jetstreamManager()).streams.info(bus.stream)).state.messages;

  beforeAll(async () => {
    server = await startOwnNatsServer((port, storeDir) =>
      natsServerConfig({ listen: `127.0.0.1:${port}`, storeDir, secrets, layout }),
    );
    db = await createTestDatabase();
    const security = securityOf('partnership');
    const config = testServiceConfig('partnership', db.url, bus, { natsUrl: server.url, security });
    await migrateForTest(config, PARTNERSHIP_MIGRATIONS);
    app = await startTestService('partnership-service', PartnershipServiceModule.register(config), bus, {
      natsUrl: server.url,
      security,
    });
  });

  afterAll(async () => {
    for (const nc of open) await nc.close().catch(() => undefined);
    await app?.close();
    await db?.drop();
    await server?.stop();
  });

  it('refuses a connection without credentials, or with another process’s user and a wrong password', async () => {
    expect(await connectionRefused({ servers: server.url })).toMatch(/authoriz/i);
    expect(
      await connectionRefused({
        servers: server.url,
        user: 'partnership',
        pass: secrets.processes['credits'].natsPassword,
      }),
    ).toMatch(/authoriz/i);
  });

  it('lets the gateway’s signed request through, and the service’s signed event into JetStream, readable by a consumer', async () => {
    const gateway = new PrefixedClientNats(
      { servers: [server.url], ...natsAuthOptions(securityOf('gateway', 'identity')) },
      bus.rpcPrefix,
      testContextSigner(),
    );
    await gateway.connect();
    try {
      const cmd = {
        municipality: party('Yokohama', 'JP'),
        partnerCity: party('Bangkok', 'TH'),
        titleJa: '横浜・バンコク',
        titleEn: 'Yokohama–Bangkok',
        targetFields: ['waste'],
        targetFieldOther: null,
      };
      const created = await sendRpc(
        gateway,
        RPC.partnership.create,
        ctxFor(randomUUID(), 'MOE'),
        cmd,
        PartnershipView,
      );
      expect(created.titleEn).toBe('Yokohama–Bangkok');
    } finally {
      await gateway.close();
    }
    // grants reads partnership's events with its own user: consumer create, pull and ack are within its permissions.
    const grants = await as('grants');
    const jsm = await grants.jetstreamManager();
    await eventually(async () =>
      (await jsm.streams.info(bus.stream)).state.messages > 0 ? true : undefined,
    );
    await jsm.consumers.add(bus.stream, {
      durable_name: 'grants-service--partnership',
      filter_subject: `${bus.prefix}.partnership.>`,
      ack_policy: 'explicit' as never,
    });
    const msg = await (
      await grants.jetstream().consumers.get(bus.stream, 'grants-service--partnership')
    ).next({ expires: 5000 });
    expect(msg).not.toBeNull();
    const envelope = JSONCodec<{ eventId: string; type: string }>().decode(msg!.data);
    expect(envelope.type).toBe('partnership.partnership.created');
    expect(() =>
      new EventVerifier(testSecurity('grants').trustedKeys).check('partnership', msg!, envelope.eventId),
    ).not.toThrow();
    await msg!.ackAck();
  });

  /** One operation at a time, so each violation is attributed to the operation that caused it. */
  async function refused(nc: NatsConnection, action: () => unknown): Promise<boolean> {
    return (await violations(nc, action)).some((e) => e.includes('PERMISSIONS_VIOLATION'));
  }

  it('keeps a service’s credentials off another service’s requests and events', async () => {
    const credits = await as('credits');
    const received: string[] = [];
    credits.subscribe(`${bus.rpcPrefix}credits.>`, { callback: (_e, m) => received.push(m.subject) });
    await credits.flush();
    const partnership = await as('partnership');
    const before = await streamMessages();
    expect(
      await refused(partnership, () =>
        partnership.publish(`${bus.rpcPrefix}credits.account.open`, sc.encode('{}')),
      ),
    ).toBe(true);
    expect(
      await refused(partnership, () =>
        partnership.publish(`${bus.prefix}.credits.block.issued`, sc.encode('{}')),
      ),
    ).toBe(true);
    // Not even its own request subjects (only the gateway sends requests), nor stealing another service's requests.
    expect(
      await refused(partnership, () =>
        partnership.publish(`${bus.rpcPrefix}partnership.partnership.list`, sc.encode('{}')),
      ),
    ).toBe(true);
    expect(await refused(partnership, () => partnership.subscribe(`${bus.rpcPrefix}credits.>`))).toBe(true);
    // Nor delete another service's durable consumer on the shared stream.
    expect(
      await refused(partnership, () =>
        partnership.publish(
          `$JS.API.CONSUMER.DELETE.${bus.stream}.grants-service--partnership`,
          sc.encode(''),
        ),
      ),
    ).toBe(true);
    expect(received).toEqual([]);
    expect(await streamMessages()).toBe(before);
    // The control: its own event subject is allowed (and lands in the stream).
    expect(
      await refused(partnership, () =>
        partnership.publish(`${bus.prefix}.partnership.control.sent`, sc.encode('{}')),
      ),
    ).toBe(false);
    expect(await streamMessages()).toBe(before + 1);
  });

  it('lets the gateway send requests only: no events, no JetStream, no answering, no other inboxes', async () => {
    const gateway = await as('gateway');
    const before = await streamMessages();
    expect(
      await refused(gateway, () =>
        gateway.publish(`${bus.prefix}.partnership.partnership.created`, sc.encode('{}')),
      ),
    ).toBe(true);
    expect(
      await refused(gateway, () => gateway.publish(`$JS.API.STREAM.INFO.${bus.stream}`, sc.encode(''))),
    ).toBe(true);
    expect(await refused(gateway, () => gateway.subscribe(`${bus.rpcPrefix}partnership.>`))).toBe(true);
    expect(await refused(gateway, () => gateway.subscribe('_INBOX_partnership.>'))).toBe(true);
    expect(await streamMessages()).toBe(before);
    expect(
      await refused(gateway, () =>
        gateway.publish(`${bus.rpcPrefix}partnership.health.none`, sc.encode('{}')),
      ),
    ).toBe(false);
  });

  it('still refuses an unsigned MOE context sent with the gateway’s own NATS credentials', async () => {
    const gateway = await as('gateway');
    const json = JSONCodec<{ response?: { ok: boolean; error?: { code: string } } }>();
    const body = {
      pattern: RPC.partnership.list,
      id: randomUUID(),
      data: { ctx: ctxFor(randomUUID(), 'MOE'), data: {} },
    };
    const reply = await gateway.request(
      `${bus.rpcPrefix}${RPC.partnership.list}`,
      json.encode(body as never),
      { timeout: 5000 },
    );
    expect(json.decode(reply.data).response).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
