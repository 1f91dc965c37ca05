import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, floorYen, type Yen } from '../shared/money';

const MAX_RATE_PERCENT = 50;

// plan-forms.md §3 B-4(2), §7.9 V-EFF-6 / コ・イノベーション実施計画書 4(2): 補助金所要額 = 補助対象経費 × 補助率（最大50%）.
/** Co-innovation: subsidy needed at commercialisation (事業化時の補助金所要額), floored to the yen. */
export function requiredSubsidyAtCommercialisation(
  assumedEligibleCostYen: Yen,
  assumedSubsidyRatePercent: string,
): { requiredSubsidyYen: Yen; findings: Finding[] } {
  const rate = new Decimal(assumedSubsidyRatePercent);
  const findings: Finding[] = [];
  if (rate.lessThanOrEqualTo(0) || rate.greaterThan(MAX_RATE_PERCENT)) {
    findings.push(
      finding(
        'V-EFF-6',
        'error',
        `想定補助率${rate.toFixed()}%は0%超50%以下である必要があります。`,
        `Assumed rate ${rate.toFixed()}% must be above 0% and at most 50%.`,
        'plan-forms.md §7.9 V-EFF-6 / コ・イノベーション実施計画書 4(2)',
      ),
    );
  }
  return {
    requiredSubsidyYen: floorYen(new Decimal(assertYen(assumedEligibleCostYen)).times(rate).dividedBy(100)),
    findings,
  };
}

// plan-forms.md §7.1 V-STR-5 / コ・イノベーション実施計画書 1(2): 事業概要は400字程度 (warning band 200–480 is [I]).
/** Co-innovation outline length (事業概要 400字程度), counted in code points without whitespace. */
export function coInnovationOutlineLength(
  outline: string,
  band = { min: 200, max: 480 },
): { length: number; findings: Finding[] } {
  const length = [...outline.replace(/\s/gu, '')].length;
  const findings =
    length < band.min || length > band.max
      ? [
          finding(
            'V-STR-5',
            'warning',
            `事業概要は400字程度とされています（現在${length}字）。`,
            `The outline should be about 400 characters (now ${length}).`,
            'plan-forms.md §7.1 V-STR-5 / コ・イノベーション実施計画書 1(2)',
          ),
        ]
      : [];
  return { length, findings };
}
