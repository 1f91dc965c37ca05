import { finding, type Finding } from '../../shared/finding';
import { canonicalJson, type CanonicalValue } from '../engine/canonical-json';
import { evaluateFormula, valueText, type EngineValue, type TraceStep } from '../engine/evaluator';
import { FormulaError } from '../engine/formula-error';
import { MrvDecimal } from '../engine/mrv-decimal';
import { compileMethodology, type CompiledMethodology } from '../methodology/compile-methodology';
import type { Methodology, RoundingRule } from '../methodology/methodology.schema';
import { checkMonitoringInput, normalizeMonitoringInput } from './input-checks';
import { MonitoringPeriodInput, parameterValue } from './monitoring-input.schema';
import { monitoringIssue, type MonitoringIssue } from './monitoring-issue';

/** Engine identity recorded in every trace. Bump the version whenever any result or trace byte could change. */
export const MRV_ENGINE = { name: '@jcm/rules mrv-engine', version: '1.0.0' } as const;

/** One output's calculation in the trace: the formula, each sub-expression's exact value, the rounding applied. */
export interface OutputTrace {
  readonly id: string;
  readonly unit: string;
  readonly formula: string;
  readonly steps: readonly TraceStep[];
  readonly exact: string | readonly string[];
  readonly rounding: RoundingRule;
  readonly value: string | readonly string[];
}

/**
 * The stored calculation (算定記録): engine and methodology version, the normalised input (enough to re-run),
 * defaults applied, every output step by step, and the results. `canonicalJson(trace)` is its byte form.
 */
export interface CalculationTrace {
  readonly engine: typeof MRV_ENGINE;
  readonly methodology: { readonly id: string; readonly version: string };
  readonly input: MonitoringPeriodInput;
  readonly defaultsApplied: Readonly<Record<string, string>>;
  readonly outputs: readonly OutputTrace[];
  readonly results: Readonly<Record<string, string | readonly string[]>>;
}

export type PeriodEvaluation =
  | {
      readonly ok: true;
      /** Each output after its rounding rule (decimal strings). */
      readonly results: Readonly<Record<string, string | readonly string[]>>;
      /** ER of this technology for the period, after its rounding rule (JCM: whole tCO2, rounded down). */
      readonly emissionReductionT: string;
      readonly trace: CalculationTrace;
      readonly canonicalTrace: string;
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly issues: readonly MonitoringIssue[] };

const compiledCache = new WeakMap<Methodology, CompiledMethodology>();

/** Compile once per methodology object (cached), so evaluating many periods parses each formula once. */
export function compiledMethodology(m: Methodology | CompiledMethodology): CompiledMethodology {
  if ('order' in m) return m;
  const hit = compiledCache.get(m);
  if (hit) return hit;
  const result = compileMethodology(m);
  if (!result.compiled) {
    // A service validates methodologies when they are saved (MethodologySchema); reaching this is a programming error.
    throw new RangeError(
      `methodology ${m.id} ${m.version} does not compile: ${result.issues.map((i) => i.message).join('; ')}`,
    );
  }
  compiledCache.set(m, result.compiled);
  return result.compiled;
}

const ROUNDING: Record<
  Exclude<RoundingRule['mode'], 'NONE'>,
  Parameters<MrvDecimal['toDecimalPlaces']>[1]
> = {
  DOWN: MrvDecimal.ROUND_DOWN,
  UP: MrvDecimal.ROUND_UP,
  HALF_UP: MrvDecimal.ROUND_HALF_UP,
};

function applyRounding(v: EngineValue, rule: RoundingRule): EngineValue {
  if (rule.mode === 'NONE') return v;
  const mode = ROUNDING[rule.mode];
  const r = (x: MrvDecimal) => x.toDecimalPlaces(rule.places, mode);
  return v.kind === 'scalar'
    ? { kind: 'scalar', value: r(v.value) }
    : { kind: 'series', entries: v.entries.map((e) => ({ key: e.key, value: r(e.value) })) };
}

/**
 * Evaluate one technology's monitoring period with a methodology (モニタリング期間の排出削減量算定): check the input,
 * then compute every output in dependency order, exactly, with its rounding rule, recording each step.
 * The same methodology and input always give the same canonical trace, byte for byte.
 */
export function evaluateMonitoringPeriod(
  methodology: Methodology | CompiledMethodology,
  rawInput: unknown,
): PeriodEvaluation {
  const c = compiledMethodology(methodology);
  const parsed = MonitoringPeriodInput.safeParse(rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const where = path.length > 0 ? path.join('.') : '(input)';
        return monitoringIssue(
          'INVALID_INPUT',
          path,
          `入力が不正です（${where}）: ${i.message}`,
          `${where}: ${i.message}`,
          'jcm-grants.md §4.1②',
        );
      }),
    };
  }
  const issues = checkMonitoringInput(c, parsed.data);
  if (issues.length > 0) return { ok: false, issues };

  const input = normalizeMonitoringInput(parsed.data);
  const env = new Map<string, EngineValue>();
  const defaultsApplied: Record<string, string> = Object.create(null);
  for (const p of c.parameters.values()) {
    const v = parameterValue(input.values, p.id);
    if (v === undefined) {
      defaultsApplied[p.id] = p.defaultValue ?? '';
      env.set(p.id, { kind: 'scalar', value: new MrvDecimal(p.defaultValue ?? '0') });
    } else if (typeof v === 'string') {
      env.set(p.id, { kind: 'scalar', value: new MrvDecimal(v) });
    } else {
      env.set(p.id, {
        kind: 'series',
        entries: v.map((e) => ({
          key: `${e.meter ?? ''}@${e.from}/${e.to}`,
          value: new MrvDecimal(e.value),
        })),
      });
    }
  }

  const outputs: OutputTrace[] = [];
  const results: Record<string, string | string[]> = Object.create(null);
  for (const o of c.order) {
    const steps: TraceStep[] = [];
    let exact: EngineValue;
    try {
      exact = evaluateFormula(o.output.formula, o.ast, (name) => lookup(env, name), steps);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      const where = `${o.output.id} = ${o.output.formula}`;
      return {
        ok: false,
        issues: [
          monitoringIssue(
            'DIVISION_BY_ZERO',
            ['outputs', o.index, 'formula'],
            `${where} の計算でゼロ除算が発生しました（${e.message}）。`,
            `Division by zero in ${where} (${e.message}).`,
            `${c.methodology.id} ${c.methodology.version}`,
            { position: e.position },
          ),
        ],
      };
    }
    const rounded = applyRounding(exact, o.output.rounding);
    env.set(o.output.id, rounded);
    results[o.output.id] = valueText(rounded);
    outputs.push({
      id: o.output.id,
      unit: o.output.unit,
      formula: o.output.formula,
      steps,
      exact: valueText(exact),
      rounding: o.output.rounding,
      value: valueText(rounded),
    });
  }

  const trace: CalculationTrace = {
    engine: MRV_ENGINE,
    methodology: { id: c.methodology.id, version: c.methodology.version },
    input,
    defaultsApplied,
    outputs,
    results,
  };
  const er = results['ER'] as string;
  const findings: Finding[] = [];
  if (new MrvDecimal(er).isNegative()) {
    findings.push(
      finding(
        'MRV-ER-1',
        'warning',
        `排出削減量 ER が負（${er}）です。クレジットは発行されません。`,
        `The emission reduction ER is negative (${er}); no credits are issued.`,
        'jcm-grants.md §4.1② / plan-forms.md §7.9 V-EFF-1',
      ),
    );
  }
  return {
    ok: true,
    results,
    emissionReductionT: er,
    trace,
    canonicalTrace: canonicalJson(trace as unknown as CanonicalValue),
    findings,
  };
}

function lookup(env: ReadonlyMap<string, EngineValue>, name: string): EngineValue {
  const v = env.get(name);
  // Compilation proved every name defined and every output ordered after the outputs it uses.
  if (!v) throw new RangeError(`internal: ${name} has no value`);
  return v;
}
