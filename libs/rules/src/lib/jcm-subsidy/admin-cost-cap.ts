import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, floorYen, type Yen } from '../shared/money';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

// jcm-grants.md §8 R-FIN-04 / 交付規程 別表1: 事務費は工事費及び設備費の金額に対して区分毎の率 (6.5/5.5/4.5%, marginal).
/** Administration-cost cap (事務費の上限) on (工事費 + 設備費), bracket by bracket, floored to the yen. */
export function adminCostCap(constructionPlusEquipmentYen: Yen, preset: JcmSubsidyPreset): Yen {
  const base = new Decimal(assertYen(constructionPlusEquipmentYen));
  let lower = new Decimal(0);
  let total = new Decimal(0);
  for (const bracket of preset.adminCostBrackets) {
    const upper = bracket.upToYen === null ? base : Decimal.min(base, bracket.upToYen);
    if (upper.greaterThan(lower)) total = total.plus(upper.minus(lower).times(bracket.rate));
    if (bracket.upToYen === null || base.lessThanOrEqualTo(bracket.upToYen)) break;
    lower = new Decimal(bracket.upToYen);
  }
  return floorYen(total);
}

// jcm-grants.md §8 R-FIN-04: 事務費 ≤ admin_cap(工事費+設備費).
/** Check the declared 事務費 against its cap. */
export function adminCostWithinCap(
  adminCostYen: Yen,
  constructionPlusEquipmentYen: Yen,
  preset: JcmSubsidyPreset,
): { capYen: Yen; findings: Finding[] } {
  const capYen = adminCostCap(constructionPlusEquipmentYen, preset);
  const findings =
    adminCostYen > capYen
      ? [
          finding(
            'R-FIN-04',
            'error',
            `事務費${adminCostYen.toLocaleString('en-US')}円が上限${capYen.toLocaleString('en-US')}円を超えています。`,
            `Administration cost ¥${adminCostYen.toLocaleString('en-US')} exceeds the cap ¥${capYen.toLocaleString('en-US')}.`,
            'jcm-grants.md §8 R-FIN-04 / 公募要領 別表1 事務費',
          ),
        ]
      : [];
  return { capYen, findings };
}
