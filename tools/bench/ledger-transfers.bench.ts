/**
 * Throughput and latency of 移転 (credits.transfer.create) on the real stack: credits-service booted in-process on a
 * fresh database (real PostgreSQL + NATS JetStream, libs/testing), N transfers fired concurrently over NATS
 * request/reply, each one a full posting (row locks, block split/merge, double entry, hash-chained journal, outbox).
 *
 *   npx jest -c tools/bench/jest.bench.config.js                      # N = 2,000
 *   BENCH_TRANSFERS=5000 BENCH_CONCURRENCY=200 npx jest -c tools/bench/jest.bench.config.js
 *
 * See tools/bench/README.md. Prints a table; the only assertions are that every transfer succeeded and the ledger
 * still verifies afterwards.
 */
import { AccountView, CREDITS_RPC, IssuanceView, LedgerVerification, MovementView } from '@jcm/contracts';
import { CreditsWorld, issuanceFor, startCreditsWorld, stopCreditsWorld } from '../../apps/credits-service/src/testing/credits-world';

const N = positiveInt(process.env['BENCH_TRANSFERS'], 2000);
/** In-flight limit; default: all N at once. */
const CONCURRENCY = positiveInt(process.env['BENCH_CONCURRENCY'], N);
const RPC_TIMEOUT_MS = positiveInt(process.env['BENCH_RPC_TIMEOUT_MS'], 120_000);

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Expected a positive integer, got ${raw}`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

describe(`ledger transfers benchmark (N = ${N}, concurrency ${CONCURRENCY})`, () => {
  let w: CreditsWorld;

  beforeAll(async () => {
    w = await startCreditsWorld();
    // 2,000,000 t: 1,000,000 t to Japan, 1,000,000 t to company A, who passes half to company B before the run.
    await w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w, { quantity: '2000000' }), IssuanceView);
    await w.call(
      CREDITS_RPC.transfer.create,
      w.ctx.companyA,
      { fromAccountId: w.accounts.companyA.id, toAccountNumber: w.accounts.companyB.accountNumber, quantity: '500000' },
      MovementView,
    );
  });

  afterAll(() => stopCreditsWorld(w));

  it('runs N concurrent transfers and prints throughput and latency percentiles', async () => {
    const [a, b] = [w.accounts.companyA, w.accounts.companyB];
    // Alternating directions between two accounts: maximal contention on the same rows and on the journal head.
    // Each transfer is 1–9 t, so neither side can run dry (≤ 9 × N t out of 500,000 t).
    const plan = Array.from({ length: N }, (_, i) => {
      const [from, to, ctx] = i % 2 === 0 ? [a, b, w.ctx.companyA] : [b, a, w.ctx.companyB];
      return { ctx, data: { fromAccountId: from.id, toAccountNumber: to.accountNumber, quantity: String(1 + (i % 9)) } };
    });
    const latencies: number[] = [];
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const job = plan[next++];
        const t0 = process.hrtime.bigint();
        try {
          await w.call(CREDITS_RPC.transfer.create, job.ctx, job.data, MovementView, RPC_TIMEOUT_MS);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (err) {
          failures.push((err as { code?: string }).code ?? String(err));
        }
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, N) }, worker));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

    const sorted = [...latencies].sort((x, y) => x - y);
    const verifyStart = process.hrtime.bigint();
    const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification, 600_000);
    const verifyMs = Number(process.hrtime.bigint() - verifyStart) / 1e6;
    const balances = await Promise.all(
      [a, b].map((acc) => w.call(CREDITS_RPC.account.get, w.ctx.moe, { id: acc.id }, AccountView).then((v) => BigInt(v.balance))),
    );

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const lines = [
      '',
      `credits ledger transfer benchmark — ${new Date().toISOString()}`,
      `  transfers            ${N} (concurrency ${Math.min(CONCURRENCY, N)}), ${latencies.length} ok, ${failures.length} failed`,
      `  wall time            ${ms(wallMs)}`,
      `  throughput           ${((latencies.length / wallMs) * 1000).toFixed(1)} transfers/s`,
      `  latency p50 / p90    ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 90))}`,
      `  latency p95 / p99    ${ms(percentile(sorted, 95))} / ${ms(percentile(sorted, 99))}`,
      `  latency min / max    ${ms(sorted[0])} / ${ms(sorted[sorted.length - 1])}`,
      `  ledger verification  ${report.intact ? 'intact' : 'NOT intact'}, ${report.entries} entries in ${ms(verifyMs)}`,
      `  A + B holdings       ${balances[0] + balances[1]} t (expected 1000000 t)`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
    expect(failures).toEqual([]);
    expect(report).toMatchObject({ intact: true, differences: [] });
    expect(balances[0] + balances[1]).toBe(1_000_000n);
  });
});
