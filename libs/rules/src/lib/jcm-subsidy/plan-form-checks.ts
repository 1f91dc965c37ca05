import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';

/** 事業形態 ①–⑩ (Form A 1(3)). */
export type BusinessForm =
  | 'ELEC_HEAT_SUPPLY'
  | 'ELEC_HEAT_SELF_CONSUMPTION'
  | 'ENERGY_EFFICIENCY'
  | 'WASTE_TREATMENT'
  | 'TRANSPORT'
  | 'OWN_PRODUCT_PROCUREMENT'
  | 'LOCAL_SUBSIDIARY'
  | 'LEAD_INVESTS'
  | 'LEASE'
  | 'OTHER';

// plan-forms.md §7.2 V-BF-1..3 / 実施計画書 1(3): 複数選択可; ⑧は投資割合, ⑩は具体的に記入.
/** Business forms (事業形態) selection rules. */
export function businessFormsValid(input: {
  forms: readonly BusinessForm[];
  leadInvestmentSharePct?: string;
  otherText?: string;
}): Finding[] {
  const src = 'plan-forms.md §7.2 / 実施計画書 1(3)';
  const out: Finding[] = [];
  if (input.forms.length === 0 || new Set(input.forms).size !== input.forms.length)
    out.push(
      finding(
        'V-BF-1',
        'error',
        '事業形態を重複なく1つ以上選択してください。',
        'Select at least one business form, without duplicates.',
        src,
      ),
    );
  if (input.forms.includes('LEAD_INVESTS')) {
    const pct = input.leadInvestmentSharePct === undefined ? null : new Decimal(input.leadInvestmentSharePct);
    if (!pct || pct.lessThanOrEqualTo(0) || pct.greaterThan(100))
      out.push(
        finding(
          'V-BF-2',
          'error',
          '⑧を選択した場合は投資割合（0%超100%以下）を記入してください。',
          'Form ⑧ needs the investment share (0–100%).',
          src,
        ),
      );
  }
  if (input.forms.includes('OTHER') && (input.otherText ?? '').trim() === '')
    out.push(
      finding(
        'V-BF-3',
        'error',
        '⑩その他の内容を記入してください。',
        'Form ⑩ "other" needs a description.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.2 V-BF-4, V-BF-5 [I] / 実施計画書 1(3) ⑥自社製品調達事業, ⑨リース事業; 7(1) 利益等排除申告書.
/** Business forms vs the rest of the form: ⑥ expects consortium-member supply with the declaration; ⑨ expects a lease company. */
export function businessFormConsistency(
  forms: readonly BusinessForm[],
  ctx: {
    consortiumMemberSupply: boolean;
    profitExclusionDeclaration: boolean;
    consortiumIncludesLeaseCompany?: boolean;
  },
): Finding[] {
  const out: Finding[] = [];
  if (
    forms.includes('OWN_PRODUCT_PROCUREMENT') &&
    !(ctx.consortiumMemberSupply && ctx.profitExclusionDeclaration)
  ) {
    out.push(
      finding(
        'V-BF-4',
        'warning',
        '⑥自社製品調達事業を選択していますが、国際コンソーシアム構成員からの調達と利益等排除申告書が確認できません。',
        'Form ⑥ is selected but no consortium-member supply with a profit-exclusion declaration is recorded.',
        'plan-forms.md §7.2 V-BF-4 / 実施計画書 1(3)⑥, 7(1)',
      ),
    );
  }
  if (forms.includes('LEASE') && ctx.consortiumIncludesLeaseCompany !== true) {
    out.push(
      finding(
        'V-BF-5',
        'warning',
        '⑨リース事業を選択していますが、代表事業者・共同事業者にリース会社が確認できません。',
        'Form ⑨ (lease) is selected but no lease company is among the applicants.',
        'plan-forms.md §7.2 V-BF-5 / 実施計画書 1(3)⑨',
      ),
    );
  }
  return out;
}

// plan-forms.md §7.9 V-EFF-10 / 実施計画書 9(1): 承認済み方法論は番号必須 (pattern XX_AM000 as a warning).
/** Methodology number (方法論番号) for an approved or proposed methodology. */
export function methodologyNumberValid(choice: 'APPROVED' | 'PROPOSED' | 'NONE', number: string): Finding[] {
  if (choice === 'NONE') return [];
  const src = 'plan-forms.md §7.9 V-EFF-10 / 実施計画書 9(1)';
  if (number.trim() === '')
    return [
      finding(
        'V-EFF-10',
        'error',
        '方法論番号を記入してください。',
        'The methodology number is required.',
        src,
      ),
    ];
  return /^[A-Z]{2}_(AM|PM)\d{3}$/.test(number)
    ? []
    : [
        finding(
          'V-EFF-10',
          'warning',
          `方法論番号「${number}」の形式が XX_AM000 ではありません。`,
          `Methodology number "${number}" does not look like XX_AM000.`,
          src,
        ),
      ];
}

// plan-forms.md §7.8 V-PRC-3 / コ・イノベーション実施計画書 7(1): ①含まれる ⇔ 該当する設備・機器の名称.
/** Self-procurement (補助対象事業者自身から調達するもの) needs item names when included. */
export function selfProcurementValid(included: boolean, itemNames: readonly string[]): Finding[] {
  const named = itemNames.filter((n) => n.trim() !== '').length;
  if (included === named > 0) return [];
  return [
    finding(
      'V-PRC-3',
      'error',
      '自己調達が「含まれる」場合は設備・機器の名称が必要です（含まれない場合は不要）。',
      'Item names are required exactly when self-procurement is included.',
      'plan-forms.md §7.8 V-PRC-3',
    ),
  ];
}

// plan-forms.md §7.4 V-BID-1 / 実施計画書 3(2): 補助金を前提としない価格で落札済み等は原則として採択できない.
/** Tender rule (入札): a bid already made at a price that does not assume the subsidy cannot in principle be adopted. */
export function tenderRule(input: {
  requiresTender: boolean;
  bidAtNonSubsidyPrice?: boolean;
  tenderScheduleGiven?: boolean;
}): Finding[] {
  if (!input.requiresTender) return [];
  const src = 'plan-forms.md §7.4 V-BID-1 / 実施計画書 3(2)';
  const out: Finding[] = [];
  if (!input.tenderScheduleGiven)
    out.push(
      finding(
        'V-BID-1',
        'error',
        '入札方法と落札までのスケジュールを記入してください。',
        'Give the tender method and the schedule to award.',
        src,
      ),
    );
  if (input.bidAtNonSubsidyPrice)
    out.push(
      finding(
        'V-BID-1',
        'warning',
        '補助金を前提としない価格で入札・落札している案件は原則として採択できません。',
        'A bid at a price not assuming the subsidy cannot in principle be adopted.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.9 V-EFF-7 [I]: GHG（CO2を含む）年間削減量はCO2年間削減量以上が想定される.
/** GHG annual reduction is expected to be at least the CO2 figure. */
export function ghgAtLeastCo2(ghgAnnualT: string, co2AnnualT: string): Finding[] {
  return new Decimal(ghgAnnualT).lessThan(co2AnnualT)
    ? [
        finding(
          'V-EFF-7',
          'warning',
          'GHG年間排出削減量がCO2年間排出削減量を下回っています。理由を説明してください。',
          'GHG annual reduction is below the CO2 figure; explain why.',
          'plan-forms.md §7.9 V-EFF-7',
        ),
      ]
    : [];
}

// plan-forms.md §7.9 V-EFF-9 / コ・イノベーション実施計画書 4(3): 排出係数は値 > 0、単位、出典.
/** Emission-factor rows (排出係数) need a positive value, a unit and a source. */
export function emissionFactorRowsValid(
  rows: readonly { item: string; value: string; unit: string; source: string }[],
): Finding[] {
  return rows.flatMap((r, i) =>
    new Decimal(r.value).greaterThan(0) &&
    r.unit.trim() !== '' &&
    r.source.trim() !== '' &&
    r.item.trim() !== ''
      ? []
      : [
          finding(
            'V-EFF-9',
            'error',
            `排出係数${i + 1}行目の値・単位・出典が不足しています。`,
            `Emission-factor row ${i + 1} needs a positive value, unit and source.`,
            'plan-forms.md §7.9 V-EFF-9',
          ),
        ],
  );
}
