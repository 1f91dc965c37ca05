import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';

export interface FinancialRow {
  readonly periodEnd: string; // 'YYYY-MM' (A) or 'YYYY' (B)
  readonly netAssetsMillionYen: string;
  readonly operatingIncomeMillionYen?: string;
  readonly ordinaryIncomeMillionYen?: string;
}

// plan-forms.md §7.3 V-FIN-1, V-FIN-4 / 実施計画書 2(1)4): 直近3期分, 新しい年度順; 設立3期未満は期数に応じる.
/** Financial rows (直近３期分の経理状況): required count by completed periods, strictly newest first. */
export function financialRowsValid(rows: readonly FinancialRow[], fiscalPeriodsCompleted: number): Finding[] {
  const src = 'plan-forms.md §7.3 V-FIN-1/V-FIN-4 / 実施計画書 2(1)4)';
  const required = Math.min(3, Math.max(0, fiscalPeriodsCompleted));
  const out: Finding[] = [];
  if (rows.length !== required)
    out.push(
      finding(
        'V-FIN-4',
        'error',
        `経理状況は${required}期分が必要です（${rows.length}期分）。`,
        `${required} periods are required (${rows.length} given).`,
        src,
      ),
    );
  for (let i = 1; i < rows.length; i++) {
    if (!(rows[i - 1].periodEnd > rows[i].periodEnd)) {
      out.push(
        finding(
          'V-FIN-1',
          'error',
          '経理状況は新しい年度順に記入してください。',
          'Financial rows must be ordered newest first.',
          src,
        ),
      );
      break;
    }
  }
  return out;
}

// plan-forms.md §7.3 V-FIN-3 / 実施計画書 2(1)4): 営業損失・経常損失・債務超過のいずれか → 経営改善計画等; 最近期で解消済みなら理由.
/** Loss trigger (経営改善計画等の要否). */
export function lossTrigger(
  rows: readonly FinancialRow[],
  attachments: { managementImprovementPlan: boolean; pastNegativeReason?: string },
): { triggered: boolean; findings: Finding[] } {
  const negative = (r: FinancialRow) =>
    new Decimal(r.netAssetsMillionYen).isNegative() ||
    (r.operatingIncomeMillionYen !== undefined && new Decimal(r.operatingIncomeMillionYen).isNegative()) ||
    (r.ordinaryIncomeMillionYen !== undefined && new Decimal(r.ordinaryIncomeMillionYen).isNegative());
  const triggered = rows.some(negative);
  const latestResolved = rows.length > 0 && !negative(rows[0]);
  const satisfied =
    attachments.managementImprovementPlan ||
    (latestResolved && (attachments.pastNegativeReason ?? '').trim() !== '');
  const findings =
    triggered && !satisfied
      ? [
          finding(
            'V-FIN-3',
            'error',
            '営業損失・経常損失・債務超過があるため、経営改善計画等（解消済みの場合は理由）が必要です。',
            'A loss or negative net assets requires a management improvement plan (or, if resolved, the reason).',
            'plan-forms.md §7.3 V-FIN-3 / 実施計画書 2(1)4)',
          ),
        ]
      : [];
  return { triggered, findings };
}

// plan-forms.md §2 A-2(3), §7.3 V-FIN-5 / 実施計画書 2(3)4): 現地通貨（円換算額 百万円）, 換算レートと時点を欄外に記載.
/** Convert a local-currency amount to 百万円 (jpyMillion = local × rate ÷ 1,000,000); the rate date is required. */
export function toJpyMillion(
  localAmount: string,
  fx: { jpyPerUnit: string; rateDate?: string },
): { jpyMillion: string; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!fx.rateDate)
    findings.push(
      finding(
        'V-FIN-5',
        'error',
        '換算レートの時点が記載されていません。',
        'The exchange-rate date is missing.',
        'plan-forms.md §7.3 V-FIN-5 / 実施計画書 2(3)4)',
      ),
    );
  if (new Decimal(fx.jpyPerUnit).lessThanOrEqualTo(0))
    findings.push(
      finding(
        'V-FIN-5',
        'error',
        '換算レートが正ではありません。',
        'The exchange rate must be positive.',
        'plan-forms.md §7.3 V-FIN-5',
      ),
    );
  return {
    jpyMillion: new Decimal(localAmount).times(fx.jpyPerUnit).dividedBy(1_000_000).toFixed(),
    findings,
  };
}
