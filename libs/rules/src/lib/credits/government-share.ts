import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, type Yen } from '../shared/money';

/** How the Government of Japan's share (日本国政府への納入割合) is set for a project. */
export type GovernmentShareRule =
  | { readonly kind: 'EQUIPMENT_SUBSIDY'; readonly share?: string }
  | { readonly kind: 'F_GAS'; readonly subsidyYen: Yen; readonly eligibleCostYen: Yen }
  | { readonly kind: 'FIXED'; readonly share: string };

export const EQUIPMENT_SUBSIDY_MIN_GOV_SHARE = '0.5';

// city-partnerships.md §5.2, §7.5 J6–J8 / 環境インフラ海外展開 資料(seeds/000): 設備補助は発行後1/2以上を日本政府に納入;
// 代替フロン: パートナー国への配分を除いたもののうち、補助金額/補助対象経費と1/2を比較して大きい方.
/** Government share of the credits left after the partner-country allocation, with findings. */
export function governmentShare(rule: GovernmentShareRule): { share: Decimal; findings: Finding[] } {
  const findings: Finding[] = [];
  const min = new Decimal(EQUIPMENT_SUBSIDY_MIN_GOV_SHARE);
  if (rule.kind === 'F_GAS') {
    if (assertYen(rule.eligibleCostYen) <= 0) throw new RangeError('eligible cost must be positive');
    const ratio = new Decimal(assertYen(rule.subsidyYen)).dividedBy(rule.eligibleCostYen);
    return { share: Decimal.max(ratio, min), findings };
  }
  if (rule.kind === 'FIXED') return { share: new Decimal(rule.share), findings };
  if (rule.share === undefined) {
    findings.push(
      finding(
        'R-POST-04',
        'info',
        '公募要領は「環境省が定める割合」とのみ記載。資料(000)の「1/2以上」を最小値として用います。',
        'The call says only "the share MOE sets"; the documented minimum of ½ (seeds/000) is used.',
        'jcm-grants.md §8 R-POST-04, §9 item 1 / city-partnerships.md §5.2',
      ),
    );
    return { share: min, findings };
  }
  const share = new Decimal(rule.share);
  if (share.lessThan(min)) {
    findings.push(
      finding(
        'R-POST-04',
        'error',
        '設備補助事業では発行クレジットの1/2以上を日本政府に納入する必要があります。',
        'Equipment-subsidy projects deliver at least half of issued credits to the Government of Japan.',
        'city-partnerships.md §7.5 J6 / seeds/000 JCM設備補助事業',
      ),
    );
  }
  return { share, findings };
}
