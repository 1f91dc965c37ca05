import Decimal from 'decimal.js';
import type * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import type { Attachment, FundingPlanSchema, FundingSource, PlanFormKind } from './plan-form.schema';

type FundingPlan = z.output<typeof FundingPlanSchema>;
const blank = (s: string | undefined) => (s ?? '').trim() === '';

// plan-forms.md §7.5 V-FUND-1 / 実施計画書 4(1)1): 手法（融資・出資・自己資金・その他（具体的に記入））, 調達先, 金額 XX円, 割合 XX％.
/** Each funding source has a method, a funder, an amount > 0 and a share; OTHER is specified. */
export function fundingSourcesValid(sources: readonly FundingSource[]): Finding[] {
  const src = 'plan-forms.md V-FUND-1 / 実施計画書 4(1)1) 資金調達先・支出割合';
  if (sources.length === 0)
    return [
      finding(
        'V-FUND-1',
        'error',
        '資金調達先を1つ以上記入してください。',
        'Give at least one funding source.',
        src,
      ),
    ];
  return sources.flatMap((s, i) => {
    const out: Finding[] = [];
    if (blank(s.source))
      out.push(
        finding(
          'V-FUND-1',
          'error',
          `調達先${i + 1}の名称がありません。`,
          `Funding source ${i + 1} has no funder name.`,
          src,
        ),
      );
    if (s.amountYen <= 0)
      out.push(
        finding(
          'V-FUND-1',
          'error',
          `調達先${i + 1}の金額が0円です。`,
          `Funding source ${i + 1} has no amount.`,
          src,
        ),
      );
    if (s.method === 'OTHER' && blank(s.methodOtherText))
      out.push(
        finding(
          'V-FUND-1',
          'error',
          `調達先${i + 1}の手法「その他」の内容を具体的に記入してください。`,
          `Funding source ${i + 1}: specify the "other" method.`,
          src,
        ),
      );
    return out;
  });
}

// plan-forms.md §7.5 V-FUND-2 / 実施計画書 4(1)1)＊ 借入れの場合は金利、返済期間、担保; コ・イノベーション 5(1)1)＊ 借入れや社債: 通貨、金利、返済期間、元利金の返済条件、担保・保証.
/** Loan (and, in B, bond) terms are complete. */
export function loanTermsValid(kind: PlanFormKind, sources: readonly FundingSource[]): Finding[] {
  return sources.flatMap((s, i) => {
    const debt = s.method === 'LOAN' || s.method === 'BOND';
    if (!debt) return [];
    if (kind === 'A' && s.method === 'BOND') {
      return [
        finding(
          'V-FUND-2',
          'warning',
          `調達先${i + 1}: 設備補助の様式には社債の区分がありません（その他として記入）。`,
          `Source ${i + 1}: Form A has no bond method (use OTHER).`,
          'plan-forms.md V-FUND-2 / 実施計画書 4(1)1)',
        ),
      ];
    }
    const required: [string | undefined, string][] =
      kind === 'A'
        ? [
            [s.interestRatePct, '金利'],
            [s.repaymentPeriod, '返済期間'],
            [s.collateralOrGuarantee, '担保'],
          ]
        : [
            [s.currency, '通貨'],
            [s.interestRatePct, '金利'],
            [s.repaymentPeriod, '返済期間'],
            [s.repaymentTerms, '元利金の返済条件'],
            [s.collateralOrGuarantee, '担保・保証情報'],
          ];
    const missing = required.filter(([v]) => blank(v)).map(([, l]) => l);
    return missing.length === 0
      ? []
      : [
          finding(
            'V-FUND-2',
            'error',
            `調達先${i + 1}（借入れ${kind === 'B' ? '・社債' : ''}）: ${missing.join('、')}を記入してください。`,
            `Source ${i + 1} (debt): missing ${missing.join(', ')}.`,
            kind === 'A'
              ? 'plan-forms.md V-FUND-2 / 実施計画書 4(1)1)＊'
              : 'plan-forms.md V-FUND-2 / コ・イノベーション実施計画書 5(1)1)＊',
          ),
        ];
  });
}

// plan-forms.md §7.5 V-FUND-5 / 実施計画書 4(1)1)＊ SPCを設立する場合は、その出資者構成と出資比率 (Σ = 100 [I]).
/** SPC investors listed with shares summing to 100% (±0.1). */
export function spcInvestorsValid(spc: FundingPlan['spc']): Finding[] {
  if (spc === undefined) return [];
  const src = 'plan-forms.md V-FUND-5 / 実施計画書 4(1)1)＊ SPCの出資者構成と出資比率';
  if (spc.investors.length === 0)
    return [
      finding(
        'V-FUND-5',
        'error',
        'SPCの出資者構成と出資比率を記入してください。',
        'List the SPC investors and their shares.',
        src,
      ),
    ];
  const out: Finding[] = [];
  if (spc.investors.some((v) => blank(v.name)))
    out.push(
      finding('V-FUND-5', 'error', 'SPC出資者の名称がありません。', 'An SPC investor has no name.', src),
    );
  const total = spc.investors.reduce((a, v) => a.plus(v.sharePct), new Decimal(0));
  if (total.minus(100).abs().greaterThan('0.1'))
    out.push(
      finding(
        'V-FUND-5',
        'error',
        `SPCの出資比率の合計が${total.toFixed()}%です（100%であるべき）。`,
        `SPC shares sum to ${total.toFixed()}% (should be 100%).`,
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.5 V-FUND-6 / 実施計画書 4(2): 投資回収年数は小数点以下1桁, IRR（あり・なし）, 【書類番号 3-09】エクセル形式・2通り.
/** Payback entered with ≤ 1 decimal, both IRRs present, 3-09 attached as Excel with both cases. */
export function paybackIrrEntriesValid(funding: FundingPlan, attachments: readonly Attachment[]): Finding[] {
  const src = 'plan-forms.md V-FUND-6 / 実施計画書 4(2) 採算性';
  const out: Finding[] = [];
  for (const [v, label] of [
    [funding.paybackWithoutSubsidyYears, '投資回収年数（補助金なし）'],
    [funding.paybackWithSubsidyYears, '投資回収年数（補助金あり）'],
  ] as const) {
    if (v === undefined)
      out.push(finding('V-FUND-6', 'error', `${label}がありません。`, `${label} is missing.`, src));
    else if (new Decimal(v).decimalPlaces() > 1)
      out.push(
        finding(
          'V-FUND-6',
          'error',
          `${label}${v}は小数点以下1桁まで（2位を切捨て）で記入してください。`,
          `${label} ${v} must have one decimal (truncate the second).`,
          src,
        ),
      );
  }
  if (funding.irrWithoutSubsidyPct === undefined || funding.irrWithSubsidyPct === undefined)
    out.push(
      finding(
        'V-FUND-6',
        'error',
        '内部収益率（補助金なし・あり）を記入してください。',
        'Both IRRs (with and without subsidy) are required.',
        src,
      ),
    );
  const a = attachments.find((x) => x.docRef === '3-09');
  const cases = a?.parts ?? [];
  if (
    !a ||
    a.fileFormat !== 'xlsx' ||
    !cases.includes('WITH_SUBSIDY') ||
    !cases.includes('WITHOUT_SUBSIDY')
  ) {
    out.push(
      finding(
        'V-FUND-6',
        'error',
        '【書類番号 3-09】（補助あり・補助なしの2通り）をエクセル形式で添付してください。',
        'Attach 3-09 in Excel with both cases (with and without subsidy).',
        'plan-forms.md V-FUND-6 / 実施計画書 4(2)＊【書類番号 3-09】',
      ),
    );
  }
  return out;
}

// plan-forms.md §7.5 V-FUND-7 [I]: 補助金は正味投資額を下げる ⇒ 回収年数（あり）≤（なし）, IRR（あり）≥（なし）.
/** With the subsidy, payback is not longer and IRR not lower. */
export function subsidyImprovesReturns(
  funding: Pick<
    FundingPlan,
    'paybackWithoutSubsidyYears' | 'paybackWithSubsidyYears' | 'irrWithoutSubsidyPct' | 'irrWithSubsidyPct'
  >,
): Finding[] {
  const src = 'plan-forms.md V-FUND-7 / 実施計画書 4(2)';
  const out: Finding[] = [];
  const {
    paybackWithoutSubsidyYears: pw,
    paybackWithSubsidyYears: ps,
    irrWithoutSubsidyPct: iw,
    irrWithSubsidyPct: is,
  } = funding;
  if (pw !== undefined && ps !== undefined && new Decimal(ps).greaterThan(pw))
    out.push(
      finding(
        'V-FUND-7',
        'warning',
        `補助金ありの投資回収年数${ps}年が補助金なし${pw}年より長くなっています。`,
        `Payback with subsidy (${ps} y) is longer than without (${pw} y).`,
        src,
      ),
    );
  if (iw !== undefined && is !== undefined && new Decimal(is).lessThan(iw))
    out.push(
      finding(
        'V-FUND-7',
        'warning',
        `補助金ありのIRR${is}%が補助金なし${iw}%より低くなっています。`,
        `IRR with subsidy (${is}%) is below IRR without (${iw}%).`,
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.5 V-FUND-8 / 実施計画書 4(1)3)4)＊: 他の補助金（固定価格買取制度を含む）; JICA・JOIN・JICT・NEXI・JBIC・ADB・世銀等の連携.
/** Other subsidies (incl. FIT) disclosed; public-finance rows complete when the link flag is set (checklist → info). */
export function otherFundingDisclosed(
  kind: PlanFormKind,
  funding: Pick<
    FundingPlan,
    'otherSubsidiesConsidered' | 'otherSubsidies' | 'publicFinanceLinked' | 'publicFinance'
  >,
): Finding[] {
  const out: Finding[] = [];
  const subsidies = funding.otherSubsidies ?? [];
  if (funding.otherSubsidiesConsidered === undefined) {
    out.push(
      finding(
        'V-FUND-8',
        'info',
        '他の補助金等（固定価格買取制度を含む）への応募検討の有無を確認してください。',
        'Confirm whether other subsidies (incl. feed-in tariffs) are considered.',
        'plan-forms.md V-FUND-8 / 実施計画書 4(1)4) 他の補助金との関係',
      ),
    );
  } else if (
    funding.otherSubsidiesConsidered &&
    (subsidies.length === 0 || subsidies.some((s) => blank(s.name) || blank(s.status)))
  ) {
    out.push(
      finding(
        'V-FUND-8',
        'info',
        '他の補助金等の名称と応募状況を記入してください。',
        'Give the name and status of each other subsidy.',
        'plan-forms.md V-FUND-8 / 実施計画書 4(1)4) 他の補助金との関係',
      ),
    );
  }
  const rows = funding.publicFinance ?? [];
  if (
    kind === 'A' &&
    funding.publicFinanceLinked &&
    (rows.length === 0 ||
      rows.some((r) => blank(r.institution) || blank(r.scheme) || blank(r.scope) || blank(r.schedule)))
  ) {
    out.push(
      finding(
        'V-FUND-8',
        'info',
        'JICA・政府系金融機関等との連携について、機関名・資金制度・出資融資範囲・スケジュールを記入してください。',
        'For public-finance links give the institution, scheme, scope and schedule.',
        'plan-forms.md V-FUND-8 / 実施計画書 4(1)3) JICA、政府系金融機関等',
      ),
    );
  }
  return out;
}
