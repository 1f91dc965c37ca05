import Decimal from 'decimal.js';
import { PipelineStage } from '@jcm/contracts';

/** A share as a percentage with two decimals, rounded down ("0.00" when the base is zero): decimal, never float. */
export function percentOf(part: string | number, whole: string | number): string {
  const w = new Decimal(whole);
  if (w.isZero()) return '0.00';
  return new Decimal(part).times(100).dividedBy(w).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
}

export interface StageRow {
  stage: PipelineStage;
  count: number;
  yen: string;
  tco2: string;
}

/** Adds the conversion from each stage to the next (a stage's count over the previous stage's). */
export function withConversions(rows: readonly StageRow[]) {
  return rows.map((r, i) => ({
    ...r,
    conversionPercent: i === 0 ? null : percentOf(r.count, rows[i - 1].count),
  }));
}
