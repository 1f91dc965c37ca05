import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';

// plan-forms.md §7.5 V-FUND-3 [I] / 実施計画書 4(1)1): 各調達先の割合の合計は100%.
/** Funding shares (資金調達先・支出割合) sum to 100 ± 0.1. */
export function fundingSharesSum(sharePercents: readonly string[]): {
  totalPercent: string;
  findings: Finding[];
} {
  const total = sharePercents.reduce((a, s) => a.plus(s), new Decimal(0));
  const findings = total.minus(100).abs().greaterThan('0.1')
    ? [
        finding(
          'V-FUND-3',
          'warning',
          `資金調達の割合の合計が${total.toFixed()}%です（100%であるべき）。`,
          `Funding shares sum to ${total.toFixed()}% (should be 100%).`,
          'plan-forms.md §7.5 V-FUND-3',
        ),
      ]
    : [];
  return { totalPercent: total.toFixed(), findings };
}

export interface FundingMilestone {
  readonly milestone: string;
  readonly when: string; // 'YYYY-MM-DD' or 'YYYY-MM'
  readonly done: boolean; // ○ / 未
  readonly evidenceDocRef?: string;
}

// plan-forms.md §7.5 V-FUND-4 / 実施計画書 4(1)1): 完了（○）ならエビデンス書類番号, 未なら予定時期.
/** Funding milestones (確定までのスケジュール). */
export function fundingMilestonesValid(rows: readonly FundingMilestone[]): Finding[] {
  const src = 'plan-forms.md §7.5 V-FUND-4 / 実施計画書 4(1)1)';
  const out: Finding[] = [];
  rows.forEach((r, i) => {
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(r.when))
      out.push(
        finding(
          'V-FUND-4',
          'error',
          `${i + 1}行目の時期が年月（日）ではありません。`,
          `Row ${i + 1}: the date must be a year-month or a full date.`,
          src,
        ),
      );
    if (r.done && !(r.evidenceDocRef && /^\d-\d{2}(-\d{2})?$/.test(r.evidenceDocRef))) {
      out.push(
        finding(
          'V-FUND-4',
          'error',
          `${i + 1}行目は完了済みのためエビデンス（書類番号）が必要です。`,
          `Row ${i + 1} is done and needs an evidence document number.`,
          src,
        ),
      );
    }
  });
  return out;
}

// plan-forms.md §5.5, §8.2 FX-29 / 実施計画書 4(2) プロジェクトIRR: Σ CF_t/(1+r)^t = 0, bisection on [−99%, 1000%].
/** Project IRR (内部収益率) in percent to 2 decimals, or null when no sign change brackets a root. */
export function projectIrrPercent(cashFlows: readonly string[]): string | null {
  const cfs = cashFlows.map((c) => new Decimal(c));
  const npv = (r: Decimal) =>
    cfs.reduce((acc, cf, t) => acc.plus(cf.dividedBy(r.plus(1).pow(t))), new Decimal(0));
  let lo = new Decimal('-0.99');
  let hi = new Decimal('10');
  let fLo = npv(lo);
  if (fLo.isZero()) return lo.times(100).toFixed(2);
  if (fLo.times(npv(hi)).isPositive()) return null;
  for (let i = 0; i < 200; i++) {
    const mid = lo.plus(hi).dividedBy(2);
    const fMid = npv(mid);
    if (fMid.isZero()) return mid.times(100).toFixed(2);
    if (fLo.times(fMid).isNegative()) hi = mid;
    else {
      lo = mid;
      fLo = fMid;
    }
  }
  return lo.plus(hi).dividedBy(2).times(100).toFixed(2);
}
