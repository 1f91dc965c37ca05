import * as z from 'zod';
import { consumptionTax } from '../shared/consumption-tax';
import { finding, type Finding } from '../shared/finding';
import { isGap } from '../shared/gap';
import type { Yen } from '../shared/money';
import { YenSchema } from '../shared/schemas';
import {
  annualBudgetWithinCap,
  contractAmountWithinRequest,
  outsourcingLimit,
  outsourcingWithinLimit,
} from './budget-rules';
import type { C3pCallPreset } from './c3p-preset';

/** 業務費 items (ガイドブック 表5). */
export const C3pOperatingCostsSchema = z
  .object({
    諸謝金: YenSchema,
    国内旅費: YenSchema,
    外国旅費: YenSchema,
    委員等旅費: YenSchema,
    会議費: YenSchema,
    備品費: YenSchema,
    消耗品費: YenSchema,
    借料及び損料: YenSchema,
    賃金: YenSchema,
    通信運搬費: YenSchema,
    光熱水費: YenSchema,
    印刷製本費: YenSchema,
    雑役務費: YenSchema,
  })
  .partial();
export type C3pOperatingCostItem = keyof z.infer<typeof C3pOperatingCostsSchema>;

/** The 13 業務費 items of 表5, in the table's order: one list for the schema and for summing budget lines. */
export const C3P_OPERATING_COST_ITEMS = Object.keys(C3pOperatingCostsSchema.shape) as C3pOperatingCostItem[];

export function isC3pOperatingCost(category: string): category is C3pOperatingCostItem {
  return (C3P_OPERATING_COST_ITEMS as string[]).includes(category);
}

/** Request body for checkC3pBudget (都市間連携事業 年度予算). */
export const C3pBudgetInput = z.object({
  personnelYen: YenSchema, // 人件費
  operatingCosts: C3pOperatingCostsSchema.default({}), // 業務費
  outsourcingYen: YenSchema.default(0), // 外注費
  jointImplementationYen: YenSchema.default(0), // 共同実施費
  generalAdminYen: YenSchema.default(0), // 一般管理費
  declaredConsumptionTaxYen: YenSchema.optional(), // 消費税 as written by the applicant
  requestedTotalYen: YenSchema.optional(), // 申請金額 (税込)
  contractAmountYen: YenSchema.optional(), // 契約金額 (税込)
});
export type C3pBudgetInput = z.input<typeof C3pBudgetInput>;

/**
 * Sums budget lines (経費の区分 and integer yen, ガイドブック 表5) per category into checkC3pBudget's input:
 * 人件費, the 業務費 items, 外注費, 共同実施費 and 一般管理費; integer addition only.
 */
export function c3pBudgetInputFromLines(
  lines: readonly { category: string; amountYen: Yen }[],
  amounts: { requestedYen?: Yen; contractYen?: Yen },
): C3pBudgetInput {
  const sum = (category: string) =>
    lines.filter((l) => l.category === category).reduce((a, l) => a + l.amountYen, 0);
  const operatingCosts: Partial<Record<C3pOperatingCostItem, Yen>> = {};
  for (const l of lines)
    if (isC3pOperatingCost(l.category))
      operatingCosts[l.category] = (operatingCosts[l.category] ?? 0) + l.amountYen;
  return {
    personnelYen: sum('人件費'),
    operatingCosts,
    outsourcingYen: sum('外注費'),
    jointImplementationYen: sum('共同実施費'),
    generalAdminYen: sum('一般管理費'),
    requestedTotalYen: amounts.requestedYen,
    contractAmountYen: amounts.contractYen,
  };
}

export interface C3pBudgetResult {
  readonly presetId: string;
  readonly directCostYen: Yen;
  readonly operatingCostYen: Yen;
  readonly indirectCostYen: Yen;
  readonly outsourcingLimitYen: Yen;
  readonly subtotalExclTaxYen: Yen;
  readonly consumptionTaxYen: Yen;
  readonly totalInclTaxYen: Yen;
  readonly capInclTaxYen: Yen;
  readonly withinCap: boolean;
  readonly findings: Finding[];
}

// city-partnerships.md §2.8, §7.1 B1–B7 / ガイドブック §3.3(3) 表5: cost categories, tax, cap, outsourcing ½.
/** Annual C3P budget check (年度予算の確認) against the call's cap and cost rules. */
export function checkC3pBudget(input: C3pBudgetInput, preset: C3pCallPreset): C3pBudgetResult {
  const v = C3pBudgetInput.parse(input);
  const operatingCostYen = Object.values(v.operatingCosts).reduce<number>((a, x) => a + (x ?? 0), 0);
  const directCostYen = v.personnelYen + operatingCostYen;
  const indirectCostYen = v.generalAdminYen;
  const limit = outsourcingLimit(directCostYen, indirectCostYen, preset);
  const subtotal = directCostYen + v.outsourcingYen + v.jointImplementationYen + indirectCostYen;
  const tax = consumptionTax(subtotal, preset.consumptionTaxPercent, preset.taxRounding);
  const total = subtotal + tax;
  const findings: Finding[] = [
    ...outsourcingWithinLimit(v.outsourcingYen, limit),
    ...annualBudgetWithinCap(total, preset),
  ];
  if (v.declaredConsumptionTaxYen !== undefined && v.declaredConsumptionTaxYen !== tax) {
    findings.push(
      finding(
        'C3P-B3',
        'warning',
        `記載の消費税${v.declaredConsumptionTaxYen}円が計算値${tax}円（10%、端数切り捨て）と一致しません。`,
        `Declared tax ¥${v.declaredConsumptionTaxYen} differs from the computed ¥${tax} (10%, floored).`,
        'city-partnerships.md §7.1 B3 / ガイドブック 表5 消費税',
      ),
    );
  }
  if (v.requestedTotalYen !== undefined && v.requestedTotalYen !== total) {
    findings.push(
      finding(
        'C3P-B5',
        'warning',
        '申請金額が費目の合計（税込）と一致しません。',
        'The requested amount differs from the sum of the categories incl. tax.',
        'city-partnerships.md §7.1 B5',
      ),
    );
  }
  if (v.contractAmountYen !== undefined)
    findings.push(...contractAmountWithinRequest(v.contractAmountYen, v.requestedTotalYen ?? total));
  if (isGap(preset.generalAdminRate) && v.generalAdminYen > 0) {
    findings.push(
      finding(
        'C3P-B-ADMIN',
        'info',
        '一般管理費率は契約時に示されるため、ここでは検証していません。',
        'The general-admin rate is set at contracting and is not checked here.',
        preset.generalAdminRate.source,
      ),
    );
  }
  return {
    presetId: preset.id,
    directCostYen,
    operatingCostYen,
    indirectCostYen,
    outsourcingLimitYen: limit,
    subtotalExclTaxYen: subtotal,
    consumptionTaxYen: tax,
    totalInclTaxYen: total,
    capInclTaxYen: preset.annualCapInclTaxYen,
    withinCap: total <= preset.annualCapInclTaxYen,
    findings,
  };
}
