import { z } from 'zod';
import {
  allocateCredits,
  AllocateCreditsInput,
  C3P_FY2026_CALL1,
  C3pBudgetInput,
  C3pEligibilityInput,
  C3pScoreInput,
  calculateEmissionReduction,
  calculateJcmSubsidy,
  checkC3pBudget,
  checkC3pEligibility,
  EmissionReductionInput,
  JCM_SUBSIDY_FY2021_23,
  JcmSubsidyInput,
  scoreC3pProposal,
} from '@jcm/rules';

export interface Calculator {
  /** Preset applied (versioned data of a call or period), named in every answer. */
  preset: string | null;
  input: z.ZodTypeAny;
  run: (input: never) => unknown;
}

/** The public calculators (試算): pure @jcm/rules functions behind zod-validated input. */
export const CALCULATORS: Record<string, Calculator> = {
  'jcm-subsidy': {
    preset: 'JCM_SUBSIDY_FY2021_23',
    input: JcmSubsidyInput,
    run: (i: z.input<typeof JcmSubsidyInput>) => calculateJcmSubsidy(i, JCM_SUBSIDY_FY2021_23),
  },
  'c3p-budget': {
    preset: 'C3P_FY2026_CALL1',
    input: C3pBudgetInput,
    run: (i: z.input<typeof C3pBudgetInput>) => checkC3pBudget(i as never, C3P_FY2026_CALL1),
  },
  'c3p-eligibility': {
    preset: 'C3P_FY2026_CALL1',
    input: C3pEligibilityInput,
    run: (i: z.input<typeof C3pEligibilityInput>) => checkC3pEligibility(i as never, C3P_FY2026_CALL1),
  },
  'c3p-score': {
    preset: 'C3P_FY2026_CALL1',
    input: C3pScoreInput,
    run: (i: z.input<typeof C3pScoreInput>) => scoreC3pProposal(i as never, C3P_FY2026_CALL1),
  },
  'emission-reduction': {
    preset: null,
    input: EmissionReductionInput,
    run: (i: z.input<typeof EmissionReductionInput>) => calculateEmissionReduction(i as never),
  },
  'credit-allocation': {
    preset: null,
    input: AllocateCreditsInput,
    run: (i: z.input<typeof AllocateCreditsInput>) => allocateCredits(i as never),
  },
};
