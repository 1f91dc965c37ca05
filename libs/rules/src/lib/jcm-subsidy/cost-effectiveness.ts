import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, ceilDiv, type Yen } from '../shared/money';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

export const CE_SOURCE = 'jcm-grants.md §8 R-EVAL-04 / 審査基準(別添2) (D)';

// plan-forms.md §5.3 / 実施計画書 8(2): 費用対効果 = 補助金の額 ÷ 排出削減総量, 小数点以下切り上げ.
/** Cost-effectiveness (費用対効果) in ¥/tCO2, rounded up with exact integer arithmetic. */
export function costEffectiveness(subsidyYen: Yen, totalReductionT: Decimal): Yen {
  if (!totalReductionT.isInteger() || totalReductionT.lessThanOrEqualTo(0)) {
    throw new RangeError('total reduction must be a positive whole number of tonnes');
  }
  return Number(ceilDiv(BigInt(assertYen(subsidyYen)), BigInt(totalReductionT.toFixed(0))));
}

/** Exact (unrounded) cost-effectiveness, for display to two decimals. */
export function costEffectivenessExact(subsidyYen: Yen, totalReductionT: Decimal): Decimal {
  return new Decimal(subsidyYen).dividedBy(totalReductionT);
}

// jcm-grants.md §8 R-EVAL-04 / 審査基準 (D): 原則4千円/tCO2eq以下; 5件以上 3千円; 10件以上 2千5百円.
/** Cost-effectiveness threshold (費用対効果の基準) by prior similar projects in the country. */
export function costEffectivenessThreshold(priorSimilarProjects: number, preset: JcmSubsidyPreset): Yen {
  const tier = preset.costEffectivenessTiers
    .slice()
    .sort((a, b) => b.minSimilarProjects - a.minSimilarProjects)
    .find((t) => priorSimilarProjects >= t.minSimilarProjects);
  if (!tier) throw new RangeError('no cost-effectiveness tier');
  return tier.maxYenPerTonne;
}

/**
 * Check CE against its threshold. "以下" is inclusive; the comparison uses the exact quotient, so ¥4,000.01
 * fails even though it would display as 4,001 rounded up (jcm-grants.md §7).
 */
export function costEffectivenessWithinThreshold(
  subsidyYen: Yen,
  totalReductionT: Decimal,
  priorSimilarProjects: number,
  preset: JcmSubsidyPreset,
  label = '',
): { ceYenPerT: Yen; ceExact: string; thresholdYenPerT: Yen; findings: Finding[] } {
  const ceYenPerT = costEffectiveness(subsidyYen, totalReductionT);
  const exact = costEffectivenessExact(subsidyYen, totalReductionT);
  const thresholdYenPerT = costEffectivenessThreshold(priorSimilarProjects, preset);
  const findings: Finding[] = [];
  if (exact.greaterThan(thresholdYenPerT)) {
    findings.push(
      finding(
        'R-EVAL-04',
        'error',
        `${label}費用対効果${exact.toFixed(2)}円/tCO2が基準${thresholdYenPerT}円/tCO2を超えています（原則として不可）。`,
        `${label}Cost-effectiveness ¥${exact.toFixed(2)}/tCO2 exceeds the ¥${thresholdYenPerT}/tCO2 threshold (in principle not adoptable).`,
        CE_SOURCE,
      ),
    );
  }
  return { ceYenPerT, ceExact: exact.toFixed(2), thresholdYenPerT, findings };
}
