import { BudgetLine, CostCategory } from '@jcm/contracts';
import {
  C3P_FY2026_CALL1,
  C3pBudgetInput,
  C3pBudgetResult,
  Finding,
  annualBudgetWithinCap,
  checkC3pBudget,
} from '@jcm/rules';

/** 業務費 (ガイドブック 表5): summed into `operatingCosts`, as the service does. */
const OPERATING: readonly CostCategory[] = [
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
];

export const COST_CATEGORIES: readonly CostCategory[] = CostCategory.options;

export interface LiveBudget {
  result: C3pBudgetResult;
  outsourcingYen: number;
  requestedYen: number;
  withinCap: boolean;
  findings: Finding[];
}

/**
 * The same check the service runs on drafting (checkC3pBudget with the FY2026 first-call preset, plus the cap on the
 * requested amount), computed in the browser on every keystroke. The service checks again when the form is saved.
 */
export function liveBudget(lines: readonly BudgetLine[], requestedYen: number | null): LiveBudget {
  const sum = (category: CostCategory) =>
    lines.filter((l) => l.category === category).reduce((a, l) => a + l.amountYen, 0);
  const operatingCosts: Record<string, number> = {};
  for (const line of lines)
    if (OPERATING.includes(line.category))
      operatingCosts[line.category] = (operatingCosts[line.category] ?? 0) + line.amountYen;
  const input: C3pBudgetInput = {
    generalAdminYen: sum('一般管理費'),
    jointImplementationYen: sum('共同実施費'),
    operatingCosts,
    outsourcingYen: sum('外注費'),
    personnelYen: sum('人件費'),
    requestedTotalYen: requestedYen ?? undefined,
  };
  const result = checkC3pBudget(input, C3P_FY2026_CALL1);
  const requested = requestedYen ?? result.totalInclTaxYen;
  const capFindings = annualBudgetWithinCap(requested, C3P_FY2026_CALL1);
  const findings = [
    ...capFindings,
    ...result.findings.filter(
      (f) => !capFindings.some((c) => c.ruleId === f.ruleId && c.message_en === f.message_en),
    ),
  ];
  return {
    findings,
    outsourcingYen: sum('外注費'),
    requestedYen: requested,
    result,
    withinCap: result.withinCap && requested <= result.capInclTaxYen,
  };
}
