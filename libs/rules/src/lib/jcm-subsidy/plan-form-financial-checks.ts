import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { financialRowsValid, lossTrigger } from './plan-form-financials';
import type { CoApplicant, FinancialRowInput, PlanFormKind } from './plan-form.schema';

const DEBT_TO_OPERATING_INCOME_LABEL = '有利子負債/営業利益倍率';

// plan-forms.md §7.3 V-FIN-2 / 実施計画書 2(1)4)＊: CF計算書の作成義務がない場合は「有利子負債/営業利益倍率」, リース会社は算出不要.
/** Debt-ratio column (有利子負債/営業CF倍率) variant: renamed label for the operating-income basis; lease companies may leave it empty. */
export function debtRatioColumnValid(kind: PlanFormKind, rows: readonly FinancialRowInput[]): Finding[] {
  const src = 'plan-forms.md V-FIN-2 / 実施計画書 2(1)4) 損益計算書・キャッシュフロー計算書';
  const out: Finding[] = [];
  rows.forEach((r) => {
    const basis = r.debtRatioBasis ?? 'operatingCF';
    if (
      basis === 'operatingIncome' &&
      r.debtRatioLabel !== undefined &&
      r.debtRatioLabel.trim() !== DEBT_TO_OPERATING_INCOME_LABEL
    ) {
      out.push(
        finding(
          'V-FIN-2',
          'error',
          `${r.periodEnd}: CF計算書を作成しない場合、列名は「${DEBT_TO_OPERATING_INCOME_LABEL}」とします。`,
          `${r.periodEnd}: without a CF statement the column is "${DEBT_TO_OPERATING_INCOME_LABEL}".`,
          src,
        ),
      );
    }
    const leaseExempt = basis === 'notRequiredLeaseCo' && kind === 'A';
    if (!leaseExempt && (r.debtRatioValue === undefined || r.debtRatioValue.trim() === '')) {
      out.push(
        finding(
          'V-FIN-2',
          'error',
          `${r.periodEnd}: 有利子負債倍率の値がありません。`,
          `${r.periodEnd}: the debt ratio is missing.`,
          src,
        ),
      );
    }
    if (basis === 'notRequiredLeaseCo' && kind === 'B') {
      out.push(
        finding(
          'V-FIN-2',
          'warning',
          `${r.periodEnd}: コ・イノベーション様式にはリース会社の算出免除の記載がありません。`,
          `${r.periodEnd}: Form B has no lease-company exemption.`,
          'plan-forms.md §1.5 / コ・イノベーション実施計画書 2(1)4)',
        ),
      );
    }
  });
  return out;
}

// plan-forms.md §7.3 V-FIN-6 [I] / 実施計画書 2(3)4)＊: 現地通貨（円換算額 百万円）; conversion consistent within 1%.
/** Dual-currency cells: |local × rate ÷ 10⁶ − 百万円| ≤ 1% of the 百万円 figure. */
export function fxConversionConsistent(
  rows: readonly FinancialRowInput[],
  jpyPerUnit: string,
  tolerancePct = '1',
): Finding[] {
  return rows.flatMap((r) => {
    if (r.netAssetsLocal === undefined) return [];
    const expected = new Decimal(r.netAssetsLocal).times(jpyPerUnit).dividedBy(1_000_000);
    const entered = new Decimal(r.netAssetsMillionYen);
    const diff = expected.minus(entered).abs();
    const ok = entered.isZero()
      ? diff.isZero()
      : diff.dividedBy(entered.abs()).times(100).lessThanOrEqualTo(tolerancePct);
    return ok
      ? []
      : [
          finding(
            'V-FIN-6',
            'warning',
            `${r.periodEnd}: 純資産の円換算額${entered.toFixed()}百万円が換算値${expected.toFixed()}百万円と1%超異なります。`,
            `${r.periodEnd}: net assets ¥${entered.toFixed()}m differ from the converted ¥${expected.toFixed()}m by more than 1%.`,
            'plan-forms.md V-FIN-6 / 実施計画書 2(3)4) 換算円価',
          ),
        ];
  });
}

function ratioCheck(
  period: string,
  label: string,
  entered: string | undefined,
  computed: Decimal | null,
  tolerance: string,
): Finding[] {
  if (entered === undefined || computed === null) return [];
  const c = computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return c.minus(entered).abs().greaterThan(tolerance)
    ? [
        finding(
          'V-FIN-7',
          'warning',
          `${period}: ${label}${entered}が再計算値${c.toFixed()}と一致しません（±${tolerance}）。`,
          `${period}: ${label} ${entered} does not match the recomputed ${c.toFixed()} (±${tolerance}).`,
          'plan-forms.md V-FIN-7 / §5.6 財務指標',
        ),
      ]
    : [];
}

const div = (a: string | undefined, b: string | undefined, scale = 1): Decimal | null =>
  a === undefined || b === undefined || new Decimal(b).isZero()
    ? null
    : new Decimal(a).dividedBy(b).times(scale);

// plan-forms.md §7.3 V-FIN-7 [I], §5.6: 自己資本比率・流動比率・営業利益成長率・有利子負債倍率 recomputed within ±0.1 pt.
/** Entered ratios match the ratios recomputed from the auxiliary inputs (rows newest first). */
export function financialRatiosConsistent(rows: readonly FinancialRowInput[], tolerance = '0.1'): Finding[] {
  return rows.flatMap((r, i) => {
    const prevOp = rows[i + 1]?.operatingIncomeMillionYen ?? r.operatingIncomePrevYearMillionYen;
    const growth =
      r.operatingIncomeMillionYen === undefined || prevOp === undefined || new Decimal(prevOp).isZero()
        ? null
        : new Decimal(r.operatingIncomeMillionYen)
            .minus(prevOp)
            .dividedBy(new Decimal(prevOp).abs())
            .times(100);
    const basis = r.debtRatioBasis ?? 'operatingCF';
    const debt =
      basis === 'operatingCF'
        ? div(r.interestBearingDebtMillionYen, r.operatingCashFlowMillionYen)
        : basis === 'operatingIncome'
          ? div(r.interestBearingDebtMillionYen, r.operatingIncomeMillionYen)
          : null;
    return [
      ...ratioCheck(
        r.periodEnd,
        '自己資本比率',
        r.equityRatioPct,
        div(r.netAssetsMillionYen, r.totalAssetsMillionYen, 100),
        tolerance,
      ),
      ...ratioCheck(
        r.periodEnd,
        '流動比率',
        r.currentRatioPct,
        div(r.currentAssetsMillionYen, r.currentLiabilitiesMillionYen, 100),
        tolerance,
      ),
      ...ratioCheck(r.periodEnd, '営業利益成長率', r.operatingIncomeGrowthPct, growth, tolerance),
      ...ratioCheck(r.periodEnd, '有利子負債倍率', r.debtRatioValue, debt, tolerance),
    ];
  });
}

export interface StatementChecklist {
  readonly auditedStatements: boolean;
  readonly auditReportStatesStandard: boolean;
  readonly standaloneAndConsolidated: boolean;
  readonly isSubsidiary: boolean;
  readonly parentStatements?: boolean;
  readonly cashFlowStatement: boolean;
  readonly cashFlowStatementLegallyRequired: boolean;
}

// plan-forms.md §7.3 V-FIN-8 / 実施計画書 2(1)4)＊ 経理状況説明書・単体及び連結財務諸表 (checklist → info).
/** Financial-statement package checklist (経理状況説明書); each unticked item is an info for the reviewer. */
export function statementChecklist(who: string, c: StatementChecklist | undefined): Finding[] {
  const src = 'plan-forms.md V-FIN-8 / 実施計画書 2(1)4)＊ 経理状況説明書';
  if (!c)
    return [
      finding(
        'V-FIN-8',
        'info',
        `${who}: 経理状況説明書（監査済み財務諸表・監査報告書・単体及び連結）の添付を確認してください。`,
        `${who}: confirm the audited statements, audit report and standalone/consolidated statements.`,
        src,
      ),
    ];
  const items: [boolean, string, string][] = [
    [
      c.auditedStatements,
      '監査済みの貸借対照表・損益計算書・株主資本等変動計算書',
      'audited BS / PL / changes in equity',
    ],
    [
      c.auditReportStatesStandard,
      '準拠した会計基準を明記した監査報告書',
      'audit report naming the accounting standard',
    ],
    [c.standaloneAndConsolidated, '単体及び連結財務諸表', 'standalone and consolidated statements'],
    [
      !c.isSubsidiary || c.parentStatements === true,
      '親会社の連結及び単体財務諸表',
      "parent's consolidated and standalone statements",
    ],
    [
      !c.cashFlowStatementLegallyRequired || c.cashFlowStatement,
      'キャッシュフロー計算書',
      'cash-flow statement',
    ],
  ];
  const out = items
    .filter(([ok]) => !ok)
    .map(([, ja, en]) =>
      finding('V-FIN-8', 'info', `${who}: ${ja}が未確認です。`, `${who}: ${en} not confirmed.`, src),
    );
  // The originals conflict (DISCREPANCIES.md #3): 公募要領 (キ) wants the CF statement even if not legally required.
  if (!c.cashFlowStatementLegallyRequired && !c.cashFlowStatement) {
    out.push(
      finding(
        'V-FIN-8',
        'info',
        `${who}: 実施計画書ではキャッシュフロー計算書は作成義務がなければ不要ですが、公募要領（キ）は提出を求めています。センターに確認してください。`,
        `${who}: the plan form lets a company without a legal duty omit the CF statement, but the call guidelines (キ) require it; confirm with the centre.`,
        'plan-forms.md V-FIN-8 / 実施計画書 2(1)4)＊ vs 公募要領 (キ)',
      ),
    );
  }
  return out;
}

// plan-forms.md §7.3 V-FIN-9 [I] / 実施計画書 2(3)4)＊ 「代表事業者と同様」: loss trigger and young-company rule for A co-applicants, as warnings.
/** Co-applicant (A) financial rows and loss trigger, reported as warnings. */
export function coApplicantFinancialsChecked(coApplicants: readonly CoApplicant[]): Finding[] {
  return coApplicants.flatMap((c) => {
    if (c.financials === undefined) return [];
    const raw = [
      ...(c.fiscalPeriodsCompleted === undefined
        ? []
        : financialRowsValid(c.financials, c.fiscalPeriodsCompleted)),
      ...lossTrigger(c.financials, {
        managementImprovementPlan: c.managementImprovementPlan ?? false,
        pastNegativeReason: c.pastNegativeReason,
      }).findings,
    ];
    return raw.map((f) =>
      finding(
        'V-FIN-9',
        'warning',
        `共同事業者「${c.name}」: ${f.message_ja}`,
        `Co-applicant "${c.name}": ${f.message_en}`,
        `plan-forms.md V-FIN-9 (${f.ruleId}) / 実施計画書 2(3)4)`,
      ),
    );
  });
}

// plan-forms.md §7.3 V-FIN-10 / 実施計画書 2(3)＊: 親会社等からの出資・融資・保証に依存（SPC含む）⇒ 同様の概要・経理状況を追加.
/** Funding relying on a parent / investor / guarantor needs a related-party block with financials. */
export function relatedPartiesProvided(
  reliesOnRelatedParty: boolean,
  relatedParties: readonly { name: string; financialsProvided: boolean }[],
): Finding[] {
  const src = 'plan-forms.md V-FIN-10 / 実施計画書 2(3)＊ 親会社等・SPC';
  if (!reliesOnRelatedParty) return [];
  if (relatedParties.length === 0)
    return [
      finding(
        'V-FIN-10',
        'error',
        '親会社等の出資・融資・保証に依存するため、その事業者の概要と経理状況を追加してください。',
        'Funding relies on a parent/investor/guarantor: add its profile and financials.',
        src,
      ),
    ];
  return relatedParties
    .filter((p) => !p.financialsProvided)
    .map((p) =>
      finding(
        'V-FIN-10',
        'error',
        `関係者「${p.name}」の経理状況がありません。`,
        `Related party "${p.name}" has no financials.`,
        src,
      ),
    );
}
