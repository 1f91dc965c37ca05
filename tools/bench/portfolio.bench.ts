/**
 * The MOE dashboard on a programme far larger than the real one: 10,000 projects (city pairs, 単年度契約, JCM
 * projects with an issuance each) and 500,000 月次報告 loaded straight into portfolio-service's projections, then
 * the dashboard RPC (portfolio.dashboard.get, as MOE: every figure, RLS on) timed beside the raw SQL aggregate of
 * the same figures on the same data (admin connection, no RLS, no NATS).
 *
 *   BENCH_ONLY=portfolio npm run bench
 *   BENCH_PORTFOLIO_PROJECTS=1000 BENCH_PORTFOLIO_REPORTS=50000 …   # smaller
 */
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import * as z from 'zod';
import { Dashboard, PORTFOLIO_RPC } from '@jcm/contracts';
import { sendRpc } from '@jcm/service-kit';
import {
  bootService,
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  testEventBus,
  testNatsClient,
} from '@jcm/testing';
import { BenchMeasure, percentile } from './bench-kit';

const PROJECTS = positiveInt(process.env['BENCH_PORTFOLIO_PROJECTS'], 10_000);
const REPORTS = positiveInt(process.env['BENCH_PORTFOLIO_REPORTS'], 500_000);
const SAMPLES = positiveInt(process.env['BENCH_PORTFOLIO_SAMPLES'], 30);

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Expected a positive integer, got ${raw}`);
  return n;
}

/** Set-based load (generate_series), as SYSTEM so RLS lets the rows in; participants spread over 500 companies. */
const LOAD = [
  `SELECT set_config('app.org_type', 'SYSTEM', false)`,
  // Deterministic ids shaped as version-4 UUIDs (the contracts' z.uuid() checks the version and variant).
  `CREATE FUNCTION pg_temp.u(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
     $$ SELECT overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`,
  `INSERT INTO portfolio.partnership
     SELECT pg_temp.u('p' || i), '都市' || i, 'Pair ' || i, '{}', '{}', (ARRAY['TH','VN','PH','ID','MN'])[1 + i % 5],
            ARRAY[pg_temp.u('m' || i % 200), pg_temp.u('c' || i % 500)], now() FROM generate_series(1, $1) i`,
  `INSERT INTO portfolio.contract
     SELECT pg_temp.u('k' || i), pg_temp.u('p' || i), 2020 + i % 7, '契約' || i, 'Contract ' || i,
            jsonb_build_object('orgId', pg_temp.u('c' || i % 500), 'nameJa', '会社' || i % 500, 'nameEn', 'Co ' || i % 500),
            '{}', '{}', 15000000 + (i * 7919) % 5500000, 'in_progress',
            ARRAY[pg_temp.u('m' || i % 200), pg_temp.u('c' || i % 500)], now() FROM generate_series(1, $1) i`,
  `INSERT INTO portfolio.monthly_report
     SELECT pg_temp.u('r' || j), pg_temp.u('k' || (1 + j % $1)), '2026-01', date '2025-06-10' + (j % 400),
            (ARRAY['draft','submitted','acknowledged','returned'])[1 + j % 4], NULL, NULL,
            ARRAY[pg_temp.u('m' || (1 + j % $1) % 200), pg_temp.u('c' || (1 + j % $1) % 500)], now()
       FROM generate_series(1, $2) j`,
  `INSERT INTO portfolio.jcm_lead
     SELECT pg_temp.u('l' || i), pg_temp.u('p' || i), 'l', 'l', 'solar', 'identified', 1000 + i % 9000, 500000000,
            ARRAY[pg_temp.u('m' || i % 200), pg_temp.u('c' || i % 500)], now() FROM generate_series(1, $1 / 2) i`,
  `INSERT INTO portfolio.credit_project
     SELECT pg_temp.u('j' || i), 'TH' || i, (ARRAY['TH','VN','PH','ID','MN'])[1 + i % 5], 'AM00' || i % 9,
            ARRAY[pg_temp.u('c' || i % 500)], now() FROM generate_series(1, $1) i`,
  `INSERT INTO portfolio.issuance
     SELECT pg_temp.u('i' || i), pg_temp.u('j' || i), 'JP', 2015 + i % 12, 1000 + i % 5000, (1000 + i % 5000) / 2,
            ARRAY[pg_temp.u('c' || i % 500)], now() FROM generate_series(1, $1) i`,
  `ANALYZE`,
];

/** The same figures in one raw statement per table, as an analyst would write them against the projections. */
const RAW = `
  SELECT (SELECT count(*) FROM portfolio.contract) AS contracts,
         (SELECT sum(contract_amount_yen) FROM portfolio.contract) AS yen,
         (SELECT count(*) FILTER (WHERE due_date < current_date) FROM portfolio.monthly_report WHERE state IN ('draft','returned')) AS overdue,
         (SELECT sum(quantity) FROM portfolio.issuance) AS issued,
         (SELECT json_agg(x) FROM (SELECT p.partner_country, sum(i.quantity) FROM portfolio.issuance i
            JOIN portfolio.credit_project p USING (project_id) GROUP BY 1) x) AS by_country,
         (SELECT json_agg(x) FROM (SELECT c.company->>'orgId', count(*) FROM portfolio.monthly_report r
            JOIN portfolio.contract c USING (contract_id) WHERE r.state IN ('draft','returned') GROUP BY 1) x) AS by_org`;

async function timeMany(n: number, f: () => Promise<unknown>): Promise<number[]> {
  await f(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Dashboard RPC p50 and p95 on 10,000 projects / 500,000 reports, beside the raw SQL aggregate's. */
export async function portfolioDashboard(): Promise<BenchMeasure[]> {
  const db = await createTestDatabase();
  const bus = testEventBus();
  const { app } = await bootService('portfolio-service', db, bus);
  const client = testNatsClient(bus);
  const pg = new Client({ connectionString: db.url });
  try {
    await client.connect();
    await pg.connect();
    const t0 = performance.now();
    for (const sql of LOAD)
      await pg.query(
        sql,
        sql.startsWith('CREATE')
          ? []
          : sql.includes('$2')
            ? [PROJECTS, REPORTS]
            : sql.includes('$1')
              ? [PROJECTS]
              : [],
      );
    const loadS = (performance.now() - t0) / 1000;
    const moe = ctxFor(randomUUID(), 'MOE');
    const reply = await sendRpc(client, PORTFOLIO_RPC.dashboard.get, moe, {}, z.unknown(), 120_000);
    const parsed = Dashboard.safeParse(reply);
    if (!parsed.success)
      throw new Error(`dashboard reply off its schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    const d = parsed.data;
    if (d.money.contracts !== PROJECTS)
      throw new Error(`dashboard counted ${d.money.contracts} contracts, loaded ${PROJECTS}`);
    const api = await timeMany(SAMPLES, () =>
      sendRpc(client, PORTFOLIO_RPC.dashboard.get, moe, {}, Dashboard, 120_000),
    );
    const raw = await timeMany(SAMPLES, () => pg.query(RAW));
    const label = `${PROJECTS.toLocaleString('en')} projects, ${REPORTS.toLocaleString('en')} monthly reports (loaded in ${loadS.toFixed(1)} s)`;
    return [
      {
        name: `portfolio dashboard RPC p50, ${label}`,
        value: percentile(api, 50),
        unit: 'ms',
        baseline: percentile(raw, 50),
        baselineUnit: 'ms raw SQL p50',
      },
      {
        name: `portfolio dashboard RPC p95, ${label}`,
        value: percentile(api, 95),
        unit: 'ms',
        baseline: percentile(raw, 95),
        baselineUnit: 'ms raw SQL p95',
      },
    ];
  } finally {
    await client.close();
    await pg.end();
    await app.close();
    await deleteTestStream(bus.stream);
    await db.drop();
  }
}
