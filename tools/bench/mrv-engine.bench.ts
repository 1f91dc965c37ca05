/**
 * The MRV calculation engine (排出削減量算定エンジン, libs/rules mrv): 10,000 monitoring periods of the solar-PV
 * methodology (twelve monthly generation values each, Thai factor 0.319) evaluated through the engine — zod parse,
 * pre-computation checks, exact evaluation, step-by-step trace, canonical JSON — beside a hand-written decimal.js
 * loop computing the same formula (floor(Σ EG × EF)). Pure CPU: no PostgreSQL, no NATS.
 *
 *   BENCH_ONLY=mrv-engine npm run bench                       # through the bench runner (tools/bench/bench-kit.ts)
 *   npx jest -c tools/bench/jest.bench.config.js mrv-engine   # alone, where that config matches *.bench.ts
 *   BENCH_MRV_PERIODS=50000 …                                 # more periods
 *
 * Every exported function is a benchmark returning { name, value, unit, baseline, baselineUnit }. The run fails if
 * the engine's ER differs from the hand loop's for any period: a fast wrong figure is no figure.
 */
import Decimal from 'decimal.js';
import { evaluateMonitoringPeriod, monthlySeries, SOLAR_PV_METHODOLOGY } from '@jcm/rules';

export interface MrvBenchMeasure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineUnit: string;
  ratio?: number;
}

const PERIODS = positiveInt(process.env['BENCH_MRV_PERIODS'], 10_000);
const EF = '0.319'; // 別添4 No.16 タイ 再生可能エネルギー 全ての場合 (jcm-grants.md §3.5)

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Expected a positive integer, got ${raw}`);
  return n;
}

/** Deterministic monthly generation (MWh, one decimal) for period i: a 1 MWp plant's 100–160 MWh a month. */
function generation(i: number): string[] {
  let x = (i * 2_654_435_761) % 4_294_967_296;
  return Array.from({ length: 12 }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (1000 + (x % 600)) / 10 + '';
  }).map((v) => (v.includes('.') ? v : `${v}.0`));
}

function periodInput(i: number) {
  const year = 2000 + (i % 30);
  return {
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    values: { EG: monthlySeries(generation(i), `${year}-01-01`), EF_RE: EF },
  };
}

/** The same formula by hand, in a decimal.js clone of the engine's precision: floor(Σ EG × EF). */
const HandDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
function handLoop(inputs: readonly ReturnType<typeof periodInput>[]): string[] {
  const ef = new HandDecimal(EF);
  return inputs.map((input) => {
    let sum = new HandDecimal(0);
    for (const e of input.values.EG) sum = sum.plus(e.value);
    return sum.times(ef).toDecimalPlaces(0, HandDecimal.ROUND_DOWN).toFixed();
  });
}

function engineLoop(inputs: readonly ReturnType<typeof periodInput>[]): string[] {
  return inputs.map((input) => {
    const r = evaluateMonitoringPeriod(SOLAR_PV_METHODOLOGY, input);
    if (!r.ok) throw new Error(`period refused: ${r.issues.map((x) => x.message_en).join('; ')}`);
    return r.emissionReductionT;
  });
}

function timed<T>(f: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = f();
  return { ms: performance.now() - t0, result };
}

/** 10,000 PV monitoring periods through the engine vs the hand-written decimal.js loop (ms for all of them). */
export function mrvEngineTenThousandPeriods(): MrvBenchMeasure[] {
  const inputs = Array.from({ length: PERIODS }, (_, i) => periodInput(i));
  // Warm both paths up (JIT, the engine's compiled-methodology cache) before measuring.
  engineLoop(inputs.slice(0, 500));
  handLoop(inputs.slice(0, 500));
  const hand = timed(() => handLoop(inputs));
  const engine = timed(() => engineLoop(inputs));
  const wrong = engine.result.findIndex((er, i) => er !== hand.result[i]);
  if (wrong >= 0)
    throw new Error(`period ${wrong}: engine ER ${engine.result[wrong]} ≠ hand ${hand.result[wrong]}`);
  return [
    {
      name: `mrv-engine: ${PERIODS.toLocaleString('en')} PV periods (12 months, checks + trace + canonical JSON)`,
      value: engine.ms,
      unit: 'ms',
      baseline: hand.ms,
      baselineUnit: 'ms (hand-written decimal.js loop, same formula)',
    },
    {
      name: 'mrv-engine: per period',
      value: (engine.ms * 1000) / PERIODS,
      unit: 'µs',
      baseline: (hand.ms * 1000) / PERIODS,
      baselineUnit: 'µs (hand loop)',
    },
  ];
}

// Runnable alone: register a jest test only when this file is itself the test file (not when the runner imports it).
declare const expect: { getState(): { testPath?: string } } | undefined;
declare const it: ((name: string, fn: () => void) => void) | undefined;
if (typeof expect !== 'undefined' && typeof it !== 'undefined' && expect.getState().testPath === __filename) {
  it(`evaluates ${PERIODS} monitoring periods through the MRV engine beside a hand-written decimal.js loop`, () => {
    for (const m of mrvEngineTenThousandPeriods()) {
      process.stdout.write(
        `${m.name}: ${m.value.toFixed(1)} ${m.unit} | baseline ${m.baseline.toFixed(1)} ${m.baselineUnit} | ratio ${(m.value / m.baseline).toFixed(2)}\n`,
      );
    }
  });
}
