import Decimal from 'decimal.js';
import { assertYen, floorYen, ceilYen, type Yen } from './money';

/** How a fraction of a yen of tax is handled (端数処理). */
export type TaxRounding = 'floor' | 'ceil' | 'halfUp';

// city-partnerships.md §2.8 / 都市間連携ガイドブック 表5: 消費税及び地方消費税（10%）; rounding is not stated
// there, so the rounding is part of the preset (FY2026 preset: floor, city-partnerships.md §7.1 B3).
/** Consumption tax (消費税及び地方消費税) on a pre-tax amount. */
export function consumptionTax(preTaxYen: Yen, ratePercent: Decimal.Value, rounding: TaxRounding): Yen {
  const raw = new Decimal(assertYen(preTaxYen)).times(ratePercent).dividedBy(100);
  if (rounding === 'floor') return floorYen(raw);
  if (rounding === 'ceil') return ceilYen(raw);
  return assertYen(raw.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}
