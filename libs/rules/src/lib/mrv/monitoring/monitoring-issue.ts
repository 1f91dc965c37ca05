import type { Finding } from '../../shared/finding';
import type { FormulaPosition } from '../engine/formula-error';

export type MonitoringIssueCode =
  | 'INVALID_INPUT'
  | 'PERIOD_INVALID'
  | 'PERIOD_OVERLAP'
  | 'UNKNOWN_PARAMETER'
  | 'SHAPE_MISMATCH'
  | 'PARAMETER_MISSING'
  | 'SERIES_EMPTY'
  | 'SERIES_ENTRY_INVALID'
  | 'SERIES_OUTSIDE_PERIOD'
  | 'SERIES_GAP'
  | 'SERIES_OVERLAP'
  | 'OUT_OF_RANGE'
  | 'DIVISION_BY_ZERO';

/**
 * Why a monitoring period cannot be calculated: a bilingual, cited finding plus the machine parts a service turns
 * into a 4xx: a code, the path into the input (e.g. ['values', 'EG', 3, 'value']), the parameter and its range.
 */
export interface MonitoringIssue extends Finding {
  readonly code: MonitoringIssueCode;
  readonly path: readonly (string | number)[];
  readonly parameter?: string;
  readonly range?: { readonly min?: string; readonly max?: string };
  readonly position?: FormulaPosition;
}

export function monitoringIssue(
  code: MonitoringIssueCode,
  path: readonly (string | number)[],
  message_ja: string,
  message_en: string,
  source: string,
  extra: Pick<MonitoringIssue, 'parameter' | 'range' | 'position'> = {},
): MonitoringIssue {
  return { ruleId: `MRV-${code}`, severity: 'error', message_ja, message_en, source, code, path, ...extra };
}
