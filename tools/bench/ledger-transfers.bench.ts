/**
 * The credits ledger (移転 transfers, 発行 issuance) end to end: credits-service booted in-process on a fresh database
 * (real PostgreSQL + NATS JetStream, the integration tests' world), requests over NATS request/reply, each one a full
 * posting (row locks, block split/merge, double entry, journal, idempotency record, outbox).
 */
import { AccountView, CREDITS_RPC, IssuanceView, LedgerVerification, MovementView } from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import {
  CreditsWorld,
  issuanceFor,
  startCreditsWorld,
  stopCreditsWorld,
} from '../../apps/credits-service/src/testing/credits-world';
import {
  assertMostlyOk,
  BENCH_CLIENTS,
  BenchContext,
  BenchMeasure,
  boundedLoop,
  percentile,
} from './bench-kit';

const PAIRS = 1_000;
const RUN_MS = 15_000;
let world: Promise<CreditsWorld> | undefined;

/** One credits world for the module: 2,000,000 t issued to company A, 500,000 t of it passed to company B. */
function credits(ctx: BenchContext): Promise<CreditsWorld> {
  if (!world) {
    const started = (async () => {
      const w = await startCreditsWorld();
      await w.call(
        CREDITS_RPC.issuance.create,
        w.ctx.moe,
        issuanceFor(w, { quantity: '2000000' }),
        IssuanceView,
      );
      await transfer(w, 'A', 'B', '500000');
      return w;
    })();
    world = started;
    ctx.onCleanup(async () => {
      const w = await started;
      // A figure from a broken ledger is no figure: the run fails if the journal does not verify afterwards.
      const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification, 600_000);
      await stopCreditsWorld(w);
      if (!report.intact)
        throw new Error(
          `ledger does not verify after the benchmark: ${JSON.stringify(report.differences).slice(0, 500)}`,
        );
    });
  }
  return world;
}

function transfer(w: CreditsWorld, from: 'A' | 'B', to: 'A' | 'B', quantity: string) {
  const acc = { A: w.accounts.companyA, B: w.accounts.companyB };
  const ctx = from === 'A' ? w.ctx.companyA : w.ctx.companyB;
  return w.call(
    CREDITS_RPC.transfer.create,
    ctx,
    { fromAccountId: acc[from].id, toAccountNumber: acc[to].accountNumber, quantity },
    MovementView,
    120_000,
  );
}

/** Two accounts, alternating directions: every posting contends for the same two rows. 1–9 t each, never running dry. */
export async function transfersOneHotPair(ctx: BenchContext): Promise<BenchMeasure> {
  const w = await credits(ctx);
  const base = await ctx.baselines();
  const op = (i: number) =>
    i % 2 === 0 ? transfer(w, 'A', 'B', String(1 + (i % 9))) : transfer(w, 'B', 'A', String(1 + (i % 9)));
  await boundedLoop(64, BENCH_CLIENTS, 10_000, op);
  const r = await boundedLoop(5_000, BENCH_CLIENTS, RUN_MS, op);
  assertMostlyOk('transfers, one hot pair', r);
  return {
    name: `transfers, one hot pair, ${BENCH_CLIENTS} in flight (p50 ${percentile(r.latenciesMs, 50).toFixed(0)} ms)`,
    value: r.perSecond,
    unit: 'transfers/s',
    baseline: base.pgbenchSimpleUpdateTps,
    baselineUnit: `tps (pgbench -N, ${BENCH_CLIENTS} clients)`,
  };
}

/**
 * 1,000 distinct pairs over 1,000 accounts: pair i sends from account i to account i + 500 (mod 1,000), so the 32
 * transfers in flight at any time touch 64 different accounts and only the ledger's own design makes them wait for
 * each other. The accounts are funded by issuances (20 participant accounts each), not by a hot-pair warm-up.
 */
export async function transfersDistinctPairs(ctx: BenchContext): Promise<BenchMeasure> {
  const w = await credits(ctx);
  const base = await ctx.baselines();
  const accounts: AccountView[] = new Array(PAIRS);
  const opened = await boundedLoop(PAIRS, BENCH_CLIENTS, 120_000, async (i) => {
    accounts[i] = await w.call(
      CREDITS_RPC.account.open,
      w.ctx.moe,
      {
        registry: 'JP',
        type: 'ENTITY_HOLDING',
        ownerOrgId: w.org.companyA,
        holderName: `Bench account ${i}`,
      },
      AccountView,
    );
  });
  assertMostlyOk('opening the pair accounts', opened);
  const PER_ISSUANCE = 20;
  const funded = await boundedLoop(PAIRS / PER_ISSUANCE, 1, 120_000, (k) => {
    // One day per issuance (2014-01-01 onwards), so no two share a monitoring period.
    const day = new Date(Date.UTC(2014, 0, 1 + k)).toISOString().slice(0, 10);
    const allocations = accounts
      .slice(k * PER_ISSUANCE, (k + 1) * PER_ISSUANCE)
      .map((a) => ({ accountId: a.id, quantity: '100' }));
    return w.call(
      CREDITS_RPC.issuance.create,
      w.ctx.moe,
      issuanceFor(w, {
        quantity: String(2 * 100 * PER_ISSUANCE),
        vintage: 2014,
        monitoringPeriod: { start: day, end: day },
        jointCommitteeDecisionRef: `JC-BENCH-${day}`,
        participantAllocations: allocations,
      }),
      IssuanceView,
      120_000,
    );
  });
  assertMostlyOk('funding the pair accounts', funded);
  const op = (i: number) => {
    const from = accounts[i % PAIRS];
    const to = accounts[(i + PAIRS / 2) % PAIRS];
    return w.call(
      CREDITS_RPC.transfer.create,
      w.ctx.companyA,
      { fromAccountId: from.id, toAccountNumber: to.accountNumber, quantity: '1' },
      MovementView,
      120_000,
    );
  };
  const r = await boundedLoop(PAIRS * 3, BENCH_CLIENTS, RUN_MS, op);
  assertMostlyOk('transfers, distinct pairs', r);
  return {
    name: `transfers, ${PAIRS} distinct account pairs, ${BENCH_CLIENTS} in flight (p50 ${percentile(r.latenciesMs, 50).toFixed(0)} ms)`,
    value: r.perSecond,
    unit: 'transfers/s',
    baseline: base.pgbenchSimpleUpdateTps,
    baselineUnit: `tps (pgbench -N, ${BENCH_CLIENTS} clients)`,
  };
}

/** Rows in every credits table (what an operation added, net). */
async function creditsRows(w: CreditsWorld): Promise<number> {
  const tables = await queryAs<{ t: string }>(
    w.db.url,
    {},
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'credits'`,
  );
  let total = 0;
  for (const { t } of tables)
    total += (await queryAs<{ n: number }>(w.db.url, {}, `SELECT count(*)::int AS n FROM credits."${t}"`))[0]
      .n;
  return total;
}

/** 発行 of 1,000,000 t beside one transfer, one at a time: how long, and how many rows it adds. */
export async function issuanceOfOneMillionTonnes(ctx: BenchContext): Promise<BenchMeasure[]> {
  const w = await credits(ctx);
  const transfers = await boundedLoop(40, 1, 20_000, (i) =>
    transfer(w, i % 2 === 0 ? 'A' : 'B', i % 2 === 0 ? 'B' : 'A', '3'),
  );
  assertMostlyOk('sequential transfers', transfers);
  const beforeTransfer = await creditsRows(w);
  await transfer(w, 'A', 'B', '7');
  const transferRows = (await creditsRows(w)) - beforeTransfer;

  const years = [2020, 2021, 2022];
  const issue = (i: number) =>
    w.call(
      CREDITS_RPC.issuance.create,
      w.ctx.moe,
      issuanceFor(w, {
        quantity: '1000000',
        vintage: years[i],
        monitoringPeriod: { start: `${years[i]}-01-01`, end: `${years[i]}-12-31` },
        jointCommitteeDecisionRef: `JC-BENCH-${years[i]}`,
      }),
      IssuanceView,
      300_000,
    );
  const beforeIssuance = await creditsRows(w);
  const first = await boundedLoop(1, 1, 300_000, issue);
  const issuanceRows = (await creditsRows(w)) - beforeIssuance;
  const rest = await boundedLoop(years.length - 1, 1, 300_000, (i) => issue(i + 1));
  const issuances = {
    ...first,
    ok: first.ok + rest.ok,
    failures: [...first.failures, ...rest.failures],
    latenciesMs: [...first.latenciesMs, ...rest.latenciesMs],
  };
  assertMostlyOk('issuance of 1,000,000 t', issuances);

  return [
    {
      name: 'issuance of 1,000,000 t, time (p50 of 3)',
      value: percentile(issuances.latenciesMs, 50),
      unit: 'ms',
      baseline: percentile(transfers.latenciesMs, 50),
      baselineUnit: 'ms (one transfer, p50)',
    },
    {
      name: 'issuance of 1,000,000 t, rows written',
      value: issuanceRows,
      unit: 'rows',
      baseline: transferRows,
      baselineUnit: 'rows (one transfer)',
    },
  ];
}
