import { finding, type Finding } from '../shared/finding';
import { assertYen, type Yen } from '../shared/money';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

/** Actions on acquired property (取得財産等の処分等). */
export type PropertyAction =
  | 'USE_AGAINST_PURPOSE'
  | 'TRANSFER'
  | 'EXCHANGE'
  | 'LEND'
  | 'COLLATERAL'
  | 'DEMOLISH'
  | 'MORTGAGE'
  | 'TRANSFER_TO_FOREIGN_CONSORTIUM_MEMBER';

const SRC = 'jcm-grants.md §8 R-POST-06 / 公募要領 4.(8) 取得財産の管理等';

// jcm-grants.md §8 R-POST-06 / 公募要領 4.(8): 単価50万円以上の機械、器具等を処分しようとするときは、あらかじめ承認.
/** What an action on acquired property (取得財産) requires: prior approval, prior report, or nothing. */
export function propertyActionRequirement(
  unitPriceYen: Yen,
  action: PropertyAction,
  preset: JcmSubsidyPreset,
): { requiresApproval: boolean; requiresPriorReport: boolean; findings: Finding[] } {
  const aboveThreshold = assertYen(unitPriceYen) >= preset.propertyDisposalApprovalMinUnitPriceYen;
  const isMortgage = action === 'MORTGAGE';
  const isForeignTransfer = action === 'TRANSFER_TO_FOREIGN_CONSORTIUM_MEMBER';
  // A mortgage is a disposal that always needs a 財産処分申請書; a transfer to a foreign consortium member needs a
  // prior report and, being a transfer, approval too when the unit price is at or above the threshold.
  const requiresApproval = isMortgage || aboveThreshold;
  const findings: Finding[] = [];
  if (requiresApproval) {
    findings.push(
      finding(
        'R-POST-06',
        'info',
        isMortgage
          ? '抵当権の設定前に財産処分申請書を提出し承認を受ける必要があります。'
          : '単価50万円以上の取得財産の処分には事前承認が必要です。',
        isMortgage
          ? 'A mortgage needs an approved 財産処分申請書 before it is set.'
          : 'Disposal of property with a unit price of ¥500,000 or more needs prior approval.',
        SRC,
      ),
    );
  }
  if (isForeignTransfer) {
    findings.push(
      finding(
        'R-POST-06',
        'info',
        '国際コンソーシアム内の外国法人等への譲渡は、あらかじめセンターへの報告が必要です。',
        'A transfer to a foreign consortium member must be reported to the Center in advance.',
        SRC,
      ),
    );
  }
  return { requiresApproval, requiresPriorReport: isForeignTransfer, findings };
}
