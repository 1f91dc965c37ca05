import type { CompiledMethodology } from '../methodology/compile-methodology';
import type { Methodology } from '../methodology/methodology.schema';
import { compiledMethodology, evaluateMonitoringPeriod, MRV_ENGINE } from './evaluate-monitoring-period';

export type RerunResult =
  | { readonly identical: true; readonly canonicalTrace: string }
  | {
      readonly identical: false;
      readonly reason:
        'NOT_A_TRACE' | 'OTHER_METHODOLOGY' | 'ENGINE_CHANGED' | 'INPUT_REFUSED' | 'DIFFERENT_RESULT';
      readonly canonicalTrace?: string;
      /** First differing character offset between the stored and the re-run trace. */
      readonly firstDifferenceAt?: number;
    };

/**
 * Re-run a stored calculation (再計算): evaluate the trace's own input with the methodology again and compare the
 * canonical traces byte for byte. A verifier or an audit calls this; `identical: true` proves the stored result
 * follows from the stored input under this methodology version and engine version.
 */
export function rerunCalculation(
  methodology: Methodology | CompiledMethodology,
  storedCanonicalTrace: string,
): RerunResult {
  const m = compiledMethodology(methodology).methodology;
  let stored: {
    engine?: { version?: unknown };
    methodology?: { id?: unknown; version?: unknown };
    input?: unknown;
  };
  try {
    stored = JSON.parse(storedCanonicalTrace);
  } catch {
    return { identical: false, reason: 'NOT_A_TRACE' };
  }
  if (typeof stored !== 'object' || stored === null || stored.input === undefined)
    return { identical: false, reason: 'NOT_A_TRACE' };
  if (stored.methodology?.id !== m.id || stored.methodology?.version !== m.version)
    return { identical: false, reason: 'OTHER_METHODOLOGY' };
  const again = evaluateMonitoringPeriod(methodology, stored.input);
  if (!again.ok) return { identical: false, reason: 'INPUT_REFUSED' };
  if (again.canonicalTrace === storedCanonicalTrace)
    return { identical: true, canonicalTrace: again.canonicalTrace };
  let i = 0;
  while (i < storedCanonicalTrace.length && storedCanonicalTrace[i] === again.canonicalTrace[i]) i++;
  const reason = stored.engine?.version !== MRV_ENGINE.version ? 'ENGINE_CHANGED' : 'DIFFERENT_RESULT';
  return { identical: false, reason, canonicalTrace: again.canonicalTrace, firstDifferenceAt: i };
}
