import * as z from 'zod';
import { text } from '../shared/text';
import { IsoDateSchema, YenSchema } from '@jcm/rules';

/** Integer yen (円) as a JS safe integer: money never crosses the boundary as a float. */
export const YenAmount = YenSchema;

/** 'YYYY-MM-DD' calendar date. */
export const CalendarDate = IsoDateSchema;

/** Japanese fiscal year (年度): April to March, named by the calendar year it starts in. */
export const FiscalYear = z.number().int().min(2013).max(2100);

/** A finding of @jcm/rules as shown to users: bilingual, with the document it cites. */
export const RuleFindingView = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message_ja: z.string(),
  message_en: z.string(),
  source: z.string(),
});
export type RuleFindingView = z.infer<typeof RuleFindingView>;

export const IdParam = z.object({ id: z.uuid() });
export type IdParam = z.infer<typeof IdParam>;

/** 経費の区分 (ガイドブック 表5): the cost categories a budget line may use. */
export const CostCategory = z.enum([
  '人件費',
  '諸謝金',
  '国内旅費',
  '外国旅費',
  '委員等旅費',
  '会議費',
  '備品費',
  '消耗品費',
  '借料及び損料',
  '賃金',
  '通信運搬費',
  '光熱水費',
  '印刷製本費',
  '雑役務費',
  '外注費',
  '共同実施費',
  '一般管理費',
]);
export type CostCategory = z.infer<typeof CostCategory>;

/** One budget line (予算内訳), tax excluded; consumption tax is computed by the rules, never typed in. */
export const BudgetLine = z.object({
  category: CostCategory,
  amountYen: YenAmount,
  note: text({ max: 500, kind: 'multiline', min: 0 }).optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const BudgetLines = z.array(BudgetLine).min(1).max(200);

/** Budget totals as computed by checkC3pBudget. */
export const BudgetSummary = z.object({
  subtotalExclTaxYen: YenAmount,
  consumptionTaxYen: YenAmount,
  totalInclTaxYen: YenAmount,
  outsourcingLimitYen: YenAmount,
  capInclTaxYen: YenAmount,
});
export type BudgetSummary = z.infer<typeof BudgetSummary>;

/** Sort parameter `field` or `-field` over an allowed list. */
export function sortParam<const T extends readonly [string, ...string[]]>(fields: T, fallback: string) {
  const all = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(all).default(fallback);
}
