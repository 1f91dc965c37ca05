import { CalculatorDefinition } from './calculator-definition';
import { C3P_BUDGET } from './definitions/c3p-budget.definition';
import { C3P_ELIGIBILITY } from './definitions/c3p-eligibility.definition';
import { C3P_SCORE } from './definitions/c3p-score.definition';
import { CREDIT_ALLOCATION } from './definitions/credit-allocation.definition';
import { EMISSION_REDUCTION } from './definitions/emission-reduction.definition';
import { JCM_SUBSIDY } from './definitions/jcm-subsidy.definition';

/** Every public calculator the portal has a form for, in the order the index lists them. */
export const CALCULATOR_DEFINITIONS: readonly CalculatorDefinition[] = [
  JCM_SUBSIDY,
  EMISSION_REDUCTION,
  CREDIT_ALLOCATION,
  C3P_BUDGET,
  C3P_ELIGIBILITY,
  C3P_SCORE,
];

export function calculatorDefinition(name: string): CalculatorDefinition | undefined {
  return CALCULATOR_DEFINITIONS.find((definition) => definition.name === name);
}
