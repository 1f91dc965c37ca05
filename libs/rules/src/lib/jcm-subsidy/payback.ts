import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, type Yen } from '../shared/money';
import { truncateToOneDecimal } from '../shared/rounding';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

// plan-forms.md §5.4 / 実施計画書 4(2): 投資回収年数（補助金なし／あり）, 小数点以下2位を切捨て. The formula
// itself is not stated; this is the simple one: (initial cost − subsidy) ÷ annual net cash flow.
/** Simple payback years (投資回収年数), truncated to one decimal. */
export function paybackYears(initialCostYen: Yen, annualCashFlowYen: Yen, subsidyYen: Yen = 0): Decimal {
  if (annualCashFlowYen <= 0) throw new RangeError('annual cash flow must be positive');
  const net = new Decimal(assertYen(initialCostYen)).minus(assertYen(subsidyYen));
  return truncateToOneDecimal(Decimal.max(net, 0).dividedBy(annualCashFlowYen));
}

// jcm-grants.md §8 R-EVAL-05 / 審査基準 (B)②: 投資回収年数は補助金ありで3年以上であることを目安.
/** Payback-with-subsidy guideline (≥ 3 years) → warning when shorter. */
export function paybackGuideline(paybackWithSubsidyYears: Decimal, preset: JcmSubsidyPreset): Finding[] {
  if (paybackWithSubsidyYears.greaterThanOrEqualTo(preset.paybackWithSubsidyMinYears)) return [];
  return [
    finding(
      'R-EVAL-05',
      'warning',
      `補助金ありの投資回収年数${paybackWithSubsidyYears.toFixed(1)}年は目安（${preset.paybackWithSubsidyMinYears}年以上）を下回ります。`,
      `Payback with subsidy of ${paybackWithSubsidyYears.toFixed(1)} years is below the ${preset.paybackWithSubsidyMinYears}-year guideline.`,
      'jcm-grants.md §8 R-EVAL-05 / 審査基準(別添2) (B)②',
    ),
  ];
}
