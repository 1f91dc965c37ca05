import { finding, Finding } from '@jcm/rules';
import { BudgetLine } from '@jcm/contracts';
import { checkLines } from '../programme-shared/budget';

const yen = (n: number) => n.toLocaleString('en-US');

// city-partnerships.md §2.5 (精算報告 年2回程度), §2.8 (契約金額は精査後に決定), §6.9 [I]: a commissioned contract
// (委託) is paid at most its contract amount, so what the year's settlement reports settle cannot exceed it.
/** Cumulative settled amount (精算累計額, tax included) within the current contract amount (契約金額). */
export function settledWithinContract(contractYen: number, settledElsewhereYen: number, thisReportYen: number): Finding[] {
  const cumulative = settledElsewhereYen + thisReportYen;
  if (cumulative <= contractYen) return [];
  return [
    finding(
      'C3P-S1',
      'error',
      `精算累計額${yen(cumulative)}円（税込）が契約金額${yen(contractYen)}円を超えています。`,
      `Cumulative settled ¥${yen(cumulative)} incl. tax exceeds the contract amount ¥${yen(contractYen)}.`,
      'city-partnerships.md §2.5, §2.8, §6.9 / ガイドブック §2.3, §3.3(3)',
    ),
  ];
}

/** Totals of the expense lines with the call's consumption tax and rounding (checkC3pBudget, 表5 消費税 10%). */
export function settlementTotals(lines: readonly BudgetLine[], presetId: string) {
  const r = checkLines(lines, presetId, {});
  return { subtotalExclTaxYen: r.subtotalExclTaxYen, consumptionTaxYen: r.consumptionTaxYen, totalInclTaxYen: r.totalInclTaxYen };
}
