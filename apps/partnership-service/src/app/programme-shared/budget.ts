import { BudgetLine, BudgetSummary, DomainError } from '@jcm/contracts';
import { C3P_FY2026_CALL1, C3pBudgetInput, C3pBudgetResult, C3pCallPreset, checkC3pBudget } from '@jcm/rules';

/** Presets a call may apply, by id (a call stores the id, the rules hold the values). */
export function presetOf(id: string): C3pCallPreset {
  if (id === C3P_FY2026_CALL1.id) return C3P_FY2026_CALL1;
  throw new DomainError('INTERNAL', `Unknown C3P preset ${id}`);
}

const OPERATING = new Set(['諸謝金', '国内旅費', '外国旅費', '委員等旅費', '会議費', '備品費', '消耗品費', '借料及び損料', '賃金', '通信運搬費', '光熱水費', '印刷製本費', '雑役務費']);

/** Sums budget lines per cost category (経費の区分) into the rules' input; no arithmetic on floats. */
export function toBudgetInput(lines: readonly BudgetLine[], amounts: { requestedYen?: number; contractYen?: number }): C3pBudgetInput {
  const sum = (category: string) => lines.filter((l) => l.category === category).reduce((a, l) => a + l.amountYen, 0);
  const operatingCosts: Record<string, number> = {};
  for (const l of lines) if (OPERATING.has(l.category)) operatingCosts[l.category] = (operatingCosts[l.category] ?? 0) + l.amountYen;
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

export function budgetSummary(r: C3pBudgetResult): BudgetSummary {
  return {
    subtotalExclTaxYen: r.subtotalExclTaxYen,
    consumptionTaxYen: r.consumptionTaxYen,
    totalInclTaxYen: r.totalInclTaxYen,
    outsourcingLimitYen: r.outsourcingLimitYen,
    capInclTaxYen: r.capInclTaxYen,
  };
}

export function checkLines(lines: readonly BudgetLine[], presetId: string, amounts: { requestedYen?: number; contractYen?: number }) {
  const preset = presetOf(presetId);
  return checkC3pBudget(toBudgetInput(lines, amounts), preset);
}
