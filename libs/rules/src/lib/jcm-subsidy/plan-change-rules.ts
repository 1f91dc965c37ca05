import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, type Yen } from '../shared/money';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

/** Divisions of 別表1 column 1 (区分). */
export type CostDivision = '工事費' | '設備費' | '事務費';

// jcm-grants.md §8 R-FIN-08 / 公募要領 4.(4)2)①: 各区分の配分額のいずれか低い額の15%以内の変更を除き計画変更承認申請.
/** Whether moving money between divisions needs a 計画変更承認申請 (plan-change approval). */
export function reallocationNeedsApproval(
  transferYen: Yen,
  fromAllocationYen: Yen,
  toAllocationYen: Yen,
  preset: JcmSubsidyPreset,
): { needsApproval: boolean; thresholdYen: string; findings: Finding[] } {
  const threshold = new Decimal(Math.min(assertYen(fromAllocationYen), assertYen(toAllocationYen))).times(
    preset.reallocationThresholdRate,
  );
  const needsApproval = new Decimal(assertYen(transferYen)).greaterThan(threshold);
  const findings = needsApproval
    ? [
        finding(
          'R-FIN-08',
          'error',
          `区分間の流用${transferYen.toLocaleString('en-US')}円は低い方の配分額の15%（${threshold.toFixed()}円）を超えるため、事前に計画変更承認申請が必要です。`,
          `Moving ¥${transferYen.toLocaleString('en-US')} between divisions exceeds 15% of the lower allocation (¥${threshold.toFixed()}): prior plan-change approval is required.`,
          'jcm-grants.md §8 R-FIN-08 / 公募要領 4.(4)2)①',
        ),
      ]
    : [];
  return { needsApproval, thresholdYen: threshold.toFixed(), findings };
}

// jcm-grants.md §8 R-FIN-09 / 公募要領 4.(7): 精算払 = 確定額 − 概算払の合計; 超える部分は返還.
/** Final payment (精算払) or refund (返還) after advances (概算払). */
export function finalPayment(
  confirmedYen: Yen,
  advancesYen: readonly Yen[],
): { finalPaymentYen: Yen; refundYen: Yen; findings: Finding[] } {
  const advances = advancesYen.reduce((a, v) => a + assertYen(v), 0);
  const diff = assertYen(confirmedYen) - advances;
  if (diff >= 0) return { finalPaymentYen: diff, refundYen: 0, findings: [] };
  return {
    finalPaymentYen: 0,
    refundYen: -diff,
    findings: [
      finding(
        'R-FIN-09',
        'warning',
        `概算払の合計が確定額を${(-diff).toLocaleString('en-US')}円超えているため、返還が命じられます。`,
        `Advances exceed the confirmed amount by ¥${(-diff).toLocaleString('en-US')}: the excess must be refunded.`,
        'jcm-grants.md §8 R-FIN-09 / 公募要領 4.(7)',
      ),
    ],
  };
}

// jcm-grants.md §8 R-FIN-10 / 公募要領 1.(8): 交付決定通知書の交付決定額及び補助率を上限.
/** Confirmed amount (額の確定) ≤ decided amount and ≤ actual eligible cost × decided rate. */
export function confirmedAmountWithinDecision(input: {
  confirmedYen: Yen;
  decidedYen: Yen;
  decidedRate: string;
  actualEligibleCostYen: Yen;
}): Finding[] {
  const byRate = new Decimal(input.actualEligibleCostYen).times(input.decidedRate).floor();
  const findings: Finding[] = [];
  const src = 'jcm-grants.md §8 R-FIN-10 / 公募要領 1.(8)';
  if (input.confirmedYen > input.decidedYen) {
    findings.push(
      finding(
        'R-FIN-10',
        'error',
        '確定額が交付決定額を超えています。',
        'Confirmed amount exceeds the decided amount.',
        src,
      ),
    );
  }
  if (byRate.lessThan(input.confirmedYen)) {
    findings.push(
      finding(
        'R-FIN-10',
        'error',
        `確定額が実績の補助対象経費×補助率（${byRate.toFixed()}円）を超えています。`,
        `Confirmed amount exceeds actual eligible cost × decided rate (¥${byRate.toFixed()}).`,
        src,
      ),
    );
  }
  return findings;
}
