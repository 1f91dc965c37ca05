/**
 * The contract between `npm run bench` and the benchmark modules. A benchmark module is any `tools/bench/*.bench.ts`;
 * every function it exports is a benchmark: it receives a {@link BenchContext} and returns one {@link BenchMeasure}
 * or several (or a promise of them). The runner (`bench.runner.ts`) calls them in file order and prints
 *
 *   <name>: <value> <unit> | baseline <value> <unit> | ratio <number>
 *
 * The machines are shared and noisy, so a figure means something only beside a raw baseline measured in the same
 * run on the same servers: the context measures those once (pgbench -N/-S, a raw NATS request/reply echo).
 */
export interface BenchMeasure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineUnit: string;
  /** Defaults to value / baseline. */
  ratio?: number;
}

export interface RawBaselines {
  /** pgbench simple-update (`-N`), {@link BENCH_CLIENTS} clients, transactions/s. */
  pgbenchSimpleUpdateTps: number;
  /** pgbench select-only (`-S`), {@link BENCH_CLIENTS} clients, transactions/s. */
  pgbenchSelectOnlyTps: number;
  /** A NATS request/reply echo with the project's `nats` client, one request in flight: p50 in ms. */
  natsEchoP50Ms: number;
}

export interface BenchContext {
  /** Admin URL of the PostgreSQL under test (TEST_DATABASE_URL). */
  databaseUrl: string;
  natsUrl: string;
  /** The raw baselines, measured on first use and shared by every benchmark of the run. */
  baselines(): Promise<RawBaselines>;
  /** Runs after the last benchmark of the same module (stop what one started and kept for the next one). */
  onCleanup(fn: () => Promise<void>): void;
}

/** Requests in flight for the throughput measures, and pgbench's client count, so ratios compare like with like. */
export const BENCH_CLIENTS = 32;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface LoopResult {
  ok: number;
  failures: string[];
  latenciesMs: number[];
  wallMs: number;
  /** Completed operations per second over the wall time. */
  perSecond: number;
}

/**
 * Runs `op(i)` for i = 0…count-1 with `concurrency` in flight, stopping early at `maxMs` (every loop is bounded by
 * both). Latency is client-side, from call to result, so queueing is included.
 */
export async function boundedLoop(
  count: number,
  concurrency: number,
  maxMs: number,
  op: (i: number) => Promise<unknown>,
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const deadline = started + maxMs;
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await op(i);
        latenciesMs.push(performance.now() - t0);
      } catch (err) {
        const e = err as { code?: string; message?: string; issues?: unknown };
        failures.push(
          e.code
            ? `${e.code}: ${e.message ?? ''} ${e.issues ? JSON.stringify(e.issues) : ''}`.trim()
            : String(err),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  const wallMs = performance.now() - started;
  return {
    ok: latenciesMs.length,
    failures,
    latenciesMs,
    wallMs,
    perSecond: (latenciesMs.length / wallMs) * 1000,
  };
}

/** Fails the benchmark when most operations failed (a figure of errors is no figure). */
export function assertMostlyOk(what: string, r: LoopResult): void {
  if (r.ok === 0 || r.failures.length > r.ok / 100) {
    const sample = [...new Set(r.failures)].slice(0, 3).join(', ');
    throw new Error(`${what}: ${r.failures.length} of ${r.ok + r.failures.length} failed (${sample})`);
  }
}

const round = (n: number) =>
  Number.isInteger(n)
    ? String(n)
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 1
        ? n.toFixed(2)
        : n.toPrecision(3);

export function ratioOf(m: BenchMeasure): number {
  return m.ratio ?? m.value / m.baseline;
}

export function formatMeasure(m: BenchMeasure): string {
  return `${m.name}: ${round(m.value)} ${m.unit} | baseline ${round(m.baseline)} ${m.baselineUnit} | ratio ${round(ratioOf(m))}`;
}
