/**
 * `npm run bench` (through run-bench.mjs and jest.bench.config.js, which gives it the SWC transform and the @jcm/*
 * aliases): discovers every benchmark module `tools/bench/*.bench.ts`, calls each function it exports (see
 * bench-kit.ts), and writes the measures to tmp/bench/results.json. Fails when a benchmark throws.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { TEST_ADMIN_URL, TEST_NATS_URL } from '@jcm/testing';
import { measureBaselines } from './baselines';
import { BenchContext, BenchMeasure, formatMeasure, RawBaselines, ratioOf } from './bench-kit';

const OUT = path.resolve(__dirname, '..', '..', 'tmp', 'bench', 'results.json');
/** `BENCH_ONLY=gateway-reads,transfersOneHotPair`: only those modules or functions (for working on one). */
const ONLY = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);

type Benchmark = (
  ctx: BenchContext,
) => BenchMeasure | BenchMeasure[] | Promise<BenchMeasure | BenchMeasure[]>;

function isBenchmark(value: unknown): value is Benchmark {
  return typeof value === 'function' && !Function.prototype.toString.call(value).startsWith('class');
}

function checked(m: BenchMeasure, where: string): BenchMeasure {
  const ok =
    typeof m?.name === 'string' &&
    Number.isFinite(m.value) &&
    Number.isFinite(m.baseline) &&
    m.baseline !== 0 &&
    !!m.unit &&
    !!m.baselineUnit;
  if (!ok)
    throw new Error(
      `${where} returned no valid measure ({ name, value, unit, baseline, baselineUnit }): ${JSON.stringify(m)}`,
    );
  return m;
}

it('runs every benchmark module in tools/bench', async () => {
  const startedAt = new Date().toISOString();
  let baselines: Promise<RawBaselines> | undefined;
  const measures: (BenchMeasure & { ratio: number; line: string; module: string; benchmark: string })[] = [];
  const errors: string[] = [];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    const module = file.replace(/\.bench\.ts$/, '');
    const exported: Record<string, unknown> = await import(path.join(__dirname, file));
    const cleanups: (() => Promise<void>)[] = [];
    const ctx: BenchContext = {
      databaseUrl: TEST_ADMIN_URL,
      natsUrl: TEST_NATS_URL,
      baselines: () => (baselines ??= measureBaselines(TEST_ADMIN_URL, TEST_NATS_URL)),
      onCleanup: (fn) => cleanups.push(fn),
    };
    for (const [name, fn] of Object.entries(exported)) {
      if (!isBenchmark(fn) || (ONLY.length && !ONLY.includes(module) && !ONLY.includes(name))) continue;
      const t0 = Date.now();
      process.stderr.write(`[bench] ${module}.${name} …\n`);
      try {
        for (const m of [await fn(ctx)].flat()) {
          const measure = checked(m, `${module}.${name}`);
          const line = formatMeasure(measure);
          measures.push({ ...measure, ratio: ratioOf(measure), line, module, benchmark: name });
          process.stderr.write(`[bench]   ${line}\n`);
        }
      } catch (err) {
        errors.push(`${module}.${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        process.stderr.write(`[bench]   FAILED: ${String(err)}\n`);
      }
      process.stderr.write(`[bench] ${module}.${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    }
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((err) => errors.push(`${module} cleanup: ${String(err)}`));
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  const raw = baselines ? await baselines.catch(() => null) : null;
  writeFileSync(
    OUT,
    JSON.stringify(
      { startedAt, finishedAt: new Date().toISOString(), baselines: raw, measures, errors },
      null,
      2,
    ) + '\n',
  );
  expect(errors).toEqual([]);
  expect(measures.length).toBeGreaterThan(0);
});
