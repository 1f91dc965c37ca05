import { randomUUID } from 'crypto';
import { join, resolve } from 'path';
import { checkLedger, count, sql, unpublishedEvents, verifyLedger, within } from './checks';
import { FaultNats, FaultPostgres, sleep } from './infra';
import { call, jsonPost, LoadFigures, recoverySeconds, startLoad } from './load';
import { Platform } from './platform';

const ROOT = resolve(__dirname, '..', '..', '..');

/** The demo organisations (apps/gateway/src/app/demo/demo-data.ts). */
const ORG = {
  yokohama: '00000000-0000-4000-8000-000000000011',
  bangkok: '00000000-0000-4000-8000-000000000021',
  company: '00000000-0000-4000-8000-000000000031',
};

interface Row {
  experiment: string;
  requests: number;
  failures: number;
  duplicates: number;
  lost: number;
  recoveryS: number | null;
  note: string;
}

/**
 * Issue #14's fault-injection experiments against the built platform with two replicas of every service, on its
 * own nats-server and PostgreSQL cluster (spare ports, temporary directories), all stopped afterwards. Each `it`
 * is one experiment; they share the platform and run in order. The figures print at the end.
 */
describe('resilience under faults (issue #14)', () => {
  let pg: FaultPostgres;
  let nats: FaultNats;
  let platform: Platform;
  const tokens: Record<string, string> = {};
  let fromAccountId = '';
  let toAccountNumber = '';
  const acked: string[] = [];
  const report: Row[] = [];
  const suiteStarted = Date.now();

  const transfer = (_n: number, key: string) => ({
    url: `${platform.baseUrl}/api/v1/credits/transfers`,
    init: jsonPost(tokens.company, { fromAccountId, toAccountNumber, quantity: '1' }, key),
  });
  const remember = (f: LoadFigures) => acked.push(...f.ids);

  beforeAll(async () => {
    [pg, nats] = await Promise.all([FaultPostgres.start(), FaultNats.start()]);
    platform = await Platform.start(pg.url, nats.url, 2);
    await platform.waitReady(150_000);
    for (const who of ['moe', 'company', 'yokohama']) {
      const ok = await within(90_000, async () => {
        const r = await call(`${platform.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `${who}@demo.example`, password: 'demo-password' }),
        });
        if (r.status === 200) tokens[who] = (r.body as { accessToken: string }).accessToken;
        return r.status === 200;
      });
      if (ok === null) throw new Error(`demo login of ${who} failed`);
    }
    // The demo seeds the registry, both holding accounts and project TH001; MOE issues credits to move around.
    const seeded = await within(
      60_000,
      async () =>
        (await count(pg.url, `SELECT count(*) AS n FROM credits.project WHERE reference = 'TH001'`)) === 1,
    );
    if (seeded === null) throw new Error('demo credits were not seeded');
    const accounts = await sql<{ id: string; account_number: string; type: string }>(
      pg.url,
      `SELECT id, account_number, type FROM credits.account WHERE type IN ('ENTITY_HOLDING', 'GOVERNMENT_HOLDING')`,
    );
    const company = accounts.find((a) => a.type === 'ENTITY_HOLDING');
    const government = accounts.find((a) => a.type === 'GOVERNMENT_HOLDING');
    if (!company || !government) throw new Error('demo accounts missing');
    fromAccountId = company.id;
    toAccountNumber = government.account_number;
    const [project] = await sql<{ id: string }>(
      pg.url,
      `SELECT id FROM credits.project WHERE reference = 'TH001'`,
    );
    const issued = await call(
      `${platform.baseUrl}/api/v1/credits/issuances`,
      jsonPost(
        tokens.moe,
        {
          projectId: project.id,
          registry: 'JP',
          monitoringPeriod: { start: '2025-04-01', end: '2026-03-31' },
          jointCommitteeDecisionRef: 'JC-FAULT-1',
          vintage: 2025,
          quantity: '2000000',
          participantAllocations: [{ accountId: company.id }],
        },
        randomUUID(),
      ),
    );
    if (issued.status !== 201)
      throw new Error(`issuance failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  }, 300_000);

  afterAll(async () => {
    platform?.dumpLogs(join(ROOT, 'tmp', 'fault-logs'));
    const unexpected = platform?.unexpectedErrors() ?? [];
    await platform?.stop();
    await Promise.allSettled([nats?.stop(), pg?.stop()]);
    const line = (cells: (string | number)[]) =>
      cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 10)).join(' ');
    const out = [
      '',
      '=== fault-injection figures (issue #14)',
      line(['experiment', 'requests', 'failures', 'duplic.', 'lost', 'recov. s', 'note']),
      ...report.map((r) =>
        line([r.experiment, r.requests, r.failures, r.duplicates, r.lost, r.recoveryS ?? '-', r.note]),
      ),
      ...(unexpected.length ? ['unclassified errors (answered 500):', ...unexpected.slice(-10)] : []),
      `=== fault suite: ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s (process logs: tmp/fault-logs/)`,
      '',
    ];
    process.stdout.write(out.join('\n') + '\n');
  });

  it('two replicas of every service: each pair’s events applied exactly once and in order (#2)', async () => {
    const PAIRS = 40;
    let failures = 0;
    const pairIds: string[] = [];
    const worker = async (w: number) => {
      for (let i = w; i < PAIRS; i += 4) {
        const created = await call(
          `${platform.baseUrl}/api/v1/partnerships`,
          jsonPost(tokens.yokohama, {
            municipalityOrgId: ORG.yokohama,
            partnerCityOrgId: ORG.bangkok,
            titleJa: `障害試験 ${i}`,
            titleEn: `Fault pair ${i}`,
            targetFields: ['waste'],
          }),
        );
        const id = (created.body as { id?: string } | null)?.id;
        if (created.status !== 201 || !id) {
          failures++;
          continue;
        }
        pairIds.push(id);
        const added = await call(
          `${platform.baseUrl}/api/v1/partnerships/${id}/participants`,
          jsonPost(tokens.yokohama, { orgId: ORG.company, role: 'CONTRACTOR' }),
        );
        if (added.status !== 201) failures++;
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    const events = await count(pg.url, `SELECT count(*) AS n FROM partnership.outbox`);
    const settled = await within(30_000, async () => {
      const applied = await count(
        pg.url,
        `SELECT count(*) AS n FROM grants.processed_event WHERE consumer = 'grants-service--partnership'`,
      );
      return applied === events;
    });
    const projected = await sql<{ id: string; orgs: string[] }>(
      pg.url,
      `SELECT partnership_id::text AS id, participant_org_ids::text[] AS orgs FROM grants.partnership_projection WHERE partnership_id = ANY($1::uuid[])`,
      [pairIds],
    );
    const lost = pairIds.length - projected.filter((p) => p.orgs.includes(ORG.company)).length;
    const outOfStep = await count(
      pg.url,
      `SELECT count(*) AS n FROM partnership.aggregate_sequence s
         LEFT JOIN grants.consumer_position c ON c.aggregate_id = s.aggregate_id AND c.consumer = 'grants-service--partnership'
        WHERE c.last_seq IS DISTINCT FROM s.last_seq`,
    );
    const applied = await count(
      pg.url,
      `SELECT count(*) AS n FROM grants.processed_event WHERE consumer = 'grants-service--partnership'`,
    );
    report.push({
      experiment: 'replicas x2: partnership→grants',
      requests: PAIRS * 2,
      failures,
      duplicates: Math.max(0, applied - events),
      lost,
      recoveryS: settled,
      note: `${events} events, ${outOfStep} aggregates out of step`,
    });
    expect(failures).toBe(0);
    expect(settled).not.toBeNull();
    expect(lost).toBe(0);
    expect(outOfStep).toBe(0);
  });

  it('kill -9 of a credits replica under idempotent load: nothing lost or doubled', async () => {
    const load = startLoad({ workers: 6, request: transfer, retryForMs: 20_000, pauseMs: 20 });
    await sleep(3000);
    const victim = platform.services['credits-service'][0];
    await victim.kill('SIGKILL');
    await sleep(3000);
    victim.start();
    const back = await within(60_000, () => victim.ready('/health/ready'));
    await sleep(2000);
    const f = await load.stop();
    remember(f);
    const ledger = await checkLedger(pg.url, acked);
    report.push({
      experiment: 'kill -9 credits replica',
      requests: f.requests,
      failures: f.failures,
      duplicates: ledger.duplicates,
      lost: ledger.lost,
      recoveryS: null,
      note: `statuses ${JSON.stringify(f.statuses)}`,
    });
    expect(back).not.toBeNull();
    expect(f.failures).toBe(0);
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
  });

  it('SIGTERM of a credits replica under load: no request in flight is dropped (#3)', async () => {
    // No retries here: every answer must be a success.
    // The other replica must be serving, or SIGTERM would leave no responder (503 at once, by design).
    const staying = platform.services['credits-service'][0];
    expect(await within(60_000, () => staying.ready('/health/ready'))).not.toBeNull();
    const load = startLoad({ workers: 6, request: transfer, retryForMs: 0, pauseMs: 20 });
    await sleep(3000);
    const leaving = platform.services['credits-service'][1];
    const t0 = Date.now();
    await leaving.kill('SIGTERM');
    const exitS = (Date.now() - t0) / 1000;
    const exitCode = leaving.child?.exitCode;
    await sleep(1500);
    const f = await load.stop();
    remember(f);
    leaving.start();
    expect(await within(60_000, () => leaving.ready('/health/ready'))).not.toBeNull();
    const ledger = await checkLedger(pg.url, acked);
    report.push({
      experiment: 'SIGTERM credits replica',
      requests: f.requests,
      failures: f.failures,
      duplicates: ledger.duplicates,
      lost: ledger.lost,
      recoveryS: null,
      note: `exit ${exitCode} after ${exitS.toFixed(1)} s; ${JSON.stringify(f.statuses)}`,
    });
    expect(exitCode).toBe(0);
    expect(exitS).toBeLessThan(12);
    expect(f.failures).toBe(0);
    expect(ledger.lost).toBe(0);
  });

  it('PostgreSQL restarted under load: 503 + Retry-After during, recovery after, every success audited (#5, #6)', async () => {
    const load = startLoad({ workers: 6, request: transfer, retryForMs: 30_000, pauseMs: 20 });
    await sleep(3000);
    await pg.down();
    await sleep(1500);
    const duringReady = await call(
      `http://127.0.0.1:${platform.services['credits-service'][0].httpPort}/health/ready`,
    );
    const duringCall = await call(transfer(0, randomUUID()).url, transfer(0, randomUUID()).init);
    await sleep(4500);
    const restarted = Date.now();
    await pg.up();
    await sleep(5000);
    const f = await load.stop();
    remember(f);
    const ledger = await checkLedger(pg.url, acked);
    const recovery = recoverySeconds(f, restarted);
    report.push({
      experiment: 'PostgreSQL stopped 6 s',
      requests: f.requests,
      failures: f.failures,
      duplicates: ledger.duplicates,
      lost: ledger.lost,
      recoveryS: recovery,
      note: `${JSON.stringify(f.statuses)}; audit missing ${ledger.missingAudit}`,
    });
    expect(duringReady.status).toBe(503);
    expect((duringReady.body as { postgres?: string }).postgres).toBe('down');
    expect(duringCall.status).toBe(503);
    expect(duringCall.retryAfter).not.toBeNull();
    expect(f.statuses[500]).toBeUndefined();
    expect(f.failures).toBe(0);
    expect(recovery).not.toBeNull();
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
    expect(ledger.missingAudit).toBe(0);
  });

  it('NATS stopped for 30 s under load: fail fast with 503, recover without restarts, outboxes drained (#1, #4)', async () => {
    const pids = platform.all().map((p) => p.pid);
    const load = startLoad({ workers: 4, request: transfer, retryForMs: 60_000, pauseMs: 50 });
    await sleep(3000);
    await nats.down();
    await sleep(3000);
    const gatewayReady = await call(`${platform.baseUrl}/api/v1/health/ready`);
    const serviceLive = await call(
      `http://127.0.0.1:${platform.services['grants-service'][0].httpPort}/health`,
    );
    const duringCall = await call(transfer(0, randomUUID()).url, transfer(0, randomUUID()).init);
    await sleep(27_000);
    const restarted = Date.now();
    await nats.up();
    const ready = await within(30_000, async () =>
      (
        await Promise.all(
          platform
            .all()
            .map((p) => p.ready(p === platform.gateway ? '/api/v1/health/ready' : '/health/ready')),
        )
      ).every(Boolean),
    );
    await sleep(3000);
    const f = await load.stop();
    remember(f);
    const drained = await within(20_000, async () => (await unpublishedEvents(pg.url)) === 0);
    const ledger = await checkLedger(pg.url, acked);
    const recovery = recoverySeconds(f, restarted);
    const restartedProcesses = platform.all().filter((p, i) => p.pid !== pids[i] || !p.running).length;
    const verified = verifyLedger(pg.url);
    report.push({
      experiment: 'NATS stopped 30 s',
      requests: f.requests,
      failures: f.failures,
      duplicates: ledger.duplicates,
      lost: ledger.lost,
      recoveryS: recovery,
      note: `slowest 503 ${f.slowest503Ms} ms; ready after ${ready} s; outboxes drained after ${drained} s; ledger ${verified.intact ? 'intact' : 'BROKEN'}`,
    });
    expect(gatewayReady.status).toBe(503);
    expect((gatewayReady.body as { gateway?: { nats?: string } }).gateway?.nats).toBe('down');
    expect(serviceLive.status).toBe(200);
    expect((serviceLive.body as { nats?: string }).nats).toBe('down');
    expect(duringCall.status).toBe(503);
    expect(duringCall.retryAfter).not.toBeNull();
    expect(f.slowest503Ms).toBeLessThan(2000);
    expect(restartedProcesses).toBe(0);
    expect(ready).not.toBeNull();
    expect(recovery).not.toBeNull();
    expect(drained).not.toBeNull();
    expect(f.failures).toBe(0);
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
    expect(verified.report).toBeDefined();
    expect(verified.intact).toBe(true);
  });
});
