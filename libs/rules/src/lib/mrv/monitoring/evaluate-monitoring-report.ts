import { finding, type Finding } from '../../shared/finding';
import { canonicalJson, type CanonicalValue } from '../engine/canonical-json';
import { decimalText, MrvDecimal } from '../engine/mrv-decimal';
import type { CompiledMethodology } from '../methodology/compile-methodology';
import type { Methodology } from '../methodology/methodology.schema';
import { evaluateMonitoringPeriod, MRV_ENGINE, type CalculationTrace } from './evaluate-monitoring-period';
import type { MonitoringIssue } from './monitoring-issue';

/** One technology (技術) of a monitoring report with its methodology and its period input. */
export interface TechnologyPeriod {
  readonly technologyId: string;
  readonly methodology: Methodology | CompiledMethodology;
  readonly input: unknown;
}

export interface ReportTrace {
  readonly engine: typeof MRV_ENGINE;
  readonly technologies: readonly { readonly technologyId: string; readonly trace: CalculationTrace }[];
  readonly totalRule: string;
  readonly totalEmissionReductionT: string;
}

export type ReportEvaluation =
  | {
      readonly ok: true;
      readonly technologies: readonly {
        readonly technologyId: string;
        readonly emissionReductionT: string;
      }[];
      /** Σ of each technology's ER after its own rounding (whole tCO2, rounded down), never below 0. */
      readonly totalEmissionReductionT: string;
      readonly trace: ReportTrace;
      readonly canonicalTrace: string;
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly issues: readonly (MonitoringIssue & { readonly technologyId: string })[] };

const TOTAL_RULE =
  'plan-forms.md §5.1 (A:L839): 複数技術の場合は、それぞれ求めた削減量の小数点以下切り捨てた数値を合計';

/**
 * A monitoring report's reduction over several technologies (複数技術): each technology's ER is rounded down by its
 * methodology first, then the rounded values are summed (plan-forms.md §5.1: Σ floor, not floor Σ).
 */
export function evaluateMonitoringReport(parts: readonly TechnologyPeriod[]): ReportEvaluation {
  const ids = new Set<string>();
  const issues: (MonitoringIssue & { technologyId: string })[] = [];
  const done: {
    technologyId: string;
    emissionReductionT: string;
    trace: CalculationTrace;
    findings: readonly Finding[];
  }[] = [];
  parts.forEach((part, i) => {
    if (ids.has(part.technologyId)) {
      issues.push({
        ...finding(
          'MRV-DUPLICATE_TECHNOLOGY',
          'error',
          `技術 ${part.technologyId} が2回あります。`,
          `Technology ${part.technologyId} appears twice.`,
          TOTAL_RULE,
        ),
        code: 'INVALID_INPUT',
        path: ['technologies', i, 'technologyId'],
        technologyId: part.technologyId,
      });
    }
    ids.add(part.technologyId);
    const r = evaluateMonitoringPeriod(part.methodology, part.input);
    if (!r.ok)
      r.issues.forEach((x) =>
        issues.push({ ...x, path: ['technologies', i, 'input', ...x.path], technologyId: part.technologyId }),
      );
    else
      done.push({
        technologyId: part.technologyId,
        emissionReductionT: r.emissionReductionT,
        trace: r.trace,
        findings: r.findings,
      });
  });
  if (parts.length === 0) {
    issues.push({
      ...finding(
        'MRV-NO_TECHNOLOGY',
        'error',
        '技術が1つもありません。',
        'The report has no technology.',
        TOTAL_RULE,
      ),
      code: 'INVALID_INPUT',
      path: ['technologies'],
      technologyId: '',
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const sum = done.reduce((a, t) => a.plus(t.emissionReductionT), new MrvDecimal(0));
  const findings: Finding[] = done.flatMap((t) => t.findings);
  let total = sum;
  if (sum.isNegative()) {
    findings.push(
      finding(
        'MRV-ER-1',
        'warning',
        `技術の合計削減量が負（${decimalText(sum)}）のため、0とします。`,
        `The technologies' reductions sum to ${decimalText(sum)}: the reduction is zero.`,
        'jcm-grants.md §4.1② / plan-forms.md §7.9 V-EFF-1',
      ),
    );
    total = new MrvDecimal(0);
  }
  const trace: ReportTrace = {
    engine: MRV_ENGINE,
    technologies: done.map((t) => ({ technologyId: t.technologyId, trace: t.trace })),
    totalRule: TOTAL_RULE,
    totalEmissionReductionT: decimalText(total),
  };
  return {
    ok: true,
    technologies: done.map((t) => ({
      technologyId: t.technologyId,
      emissionReductionT: t.emissionReductionT,
    })),
    totalEmissionReductionT: decimalText(total),
    trace,
    canonicalTrace: canonicalJson(trace as unknown as CanonicalValue),
    findings,
  };
}

/**
 * Re-run a stored report calculation: evaluate each technology's stored input again with the methodology version
 * its trace names (looked up by the caller, e.g. from the service's published versions) and compare the canonical
 * report trace byte for byte.
 */
export function rerunReportCalculation(
  storedCanonicalTrace: string,
  methodologyFor: (id: string, version: string) => Methodology | CompiledMethodology | undefined,
): {
  identical: boolean;
  reason?: 'NOT_A_TRACE' | 'UNKNOWN_METHODOLOGY' | 'INPUT_REFUSED' | 'DIFFERENT_RESULT';
  canonicalTrace?: string;
} {
  let stored: {
    technologies?: {
      technologyId?: unknown;
      trace?: { methodology?: { id?: unknown; version?: unknown }; input?: unknown };
    }[];
  };
  try {
    stored = JSON.parse(storedCanonicalTrace);
  } catch {
    return { identical: false, reason: 'NOT_A_TRACE' };
  }
  if (!Array.isArray(stored?.technologies)) return { identical: false, reason: 'NOT_A_TRACE' };
  const parts: TechnologyPeriod[] = [];
  for (const t of stored.technologies) {
    const id = t.trace?.methodology?.id;
    const version = t.trace?.methodology?.version;
    if (typeof t.technologyId !== 'string' || typeof id !== 'string' || typeof version !== 'string')
      return { identical: false, reason: 'NOT_A_TRACE' };
    const methodology = methodologyFor(id, version);
    if (!methodology) return { identical: false, reason: 'UNKNOWN_METHODOLOGY' };
    parts.push({ technologyId: t.technologyId, methodology, input: t.trace?.input });
  }
  const again = evaluateMonitoringReport(parts);
  if (!again.ok) return { identical: false, reason: 'INPUT_REFUSED' };
  return again.canonicalTrace === storedCanonicalTrace
    ? { identical: true, canonicalTrace: again.canonicalTrace }
    : { identical: false, reason: 'DIFFERENT_RESULT', canonicalTrace: again.canonicalTrace };
}
