import { BudgetLine, BudgetSummary, DomainError } from '@jcm/contracts';
import {
  C3P_FY2026_CALL1,
  c3pBudgetInputFromLines,
  C3pBudgetInput,
  C3pBudgetResult,
  C3pCallPreset,
  checkC3pBudget,
} from '@jcm/rules';

/** Presets a call may apply, by id (a call stores the id, the rules hold the values). */
export function presetOf(id: string): C3pCallPreset {
  if (id === C3P_FY2026_CALL1.id) return C3P_FY2026_CALL1;
  throw new DomainError('INTERNAL', `Unknown C3P preset ${id}`);
}

/** Budget lines (経費の区分) as the rules' input: the category sums live in @jcm/rules (表5). */
export function toBudgetInput(
  lines: readonly BudgetLine[],
  amounts: { requestedYen?: number; contractYen?: number },
): C3pBudgetInput {
  return c3pBudgetInputFromLines(lines, amounts);
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

export function checkLines(
  lines: readonly BudgetLine[],
  presetId: string,
  amounts: { requestedYen?: number; contractYen?: number },
) {
  return checkC3pBudget(toBudgetInput(lines, amounts), presetOf(presetId));
}
