import { BudgetLine } from '@jcm/contracts';
import { checkLines } from '../programme-shared/budget';

/** Totals of the expense lines with the call's consumption tax and rounding (checkC3pBudget, 表5 消費税 10%). */
export function settlementTotals(lines: readonly BudgetLine[], presetId: string) {
  const r = checkLines(lines, presetId, {});
  return {
    subtotalExclTaxYen: r.subtotalExclTaxYen,
    consumptionTaxYen: r.consumptionTaxYen,
    totalInclTaxYen: r.totalInclTaxYen,
  };
}
