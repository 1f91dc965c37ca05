import { finding, type Finding } from '../shared/finding';

/** The 14 基礎審査 items (別添2 審査基準 1.), each pass/fail. */
export const BASIC_SCREENING_ITEMS = [
  'APPLICANT_REQUIREMENTS',
  'RELIABLE_GHG_REDUCTION',
  'LEADING_TECH_NOT_FOSSIL_POWER',
  'TECH_SUPERIORITY_AND_ANNEX5',
  'NOT_WIDESPREAD_IN_COUNTRY',
  'COMMERCIALLY_PROVEN',
  'DIFFUSION_POTENTIAL',
  'SUSTAINABLE_DEVELOPMENT_ENV_LAW',
  'METHODOLOGY_AND_MONITORING',
  'COST_ESTIMATE_APPROPRIATE',
  'STRATEGY_CONSISTENCY',
  'SDGS_AND_GENDER_GUIDELINE',
  'ODA_SCOPE_SEPARATED',
  'NO_OTHER_JAPANESE_SUBSIDY',
] as const;

export type BasicScreeningItem = (typeof BASIC_SCREENING_ITEMS)[number];

// jcm-grants.md §8 R-EVAL-01 / 審査基準(別添2) 1. 基礎審査: 全ての項目を満たすこと; 明らかに満たさないものは不採択.
/** Basic screening (基礎審査): every item must pass; a missing answer is a failure. */
export function basicScreening(answers: Partial<Record<BasicScreeningItem, boolean>>): {
  passed: boolean;
  failedItems: BasicScreeningItem[];
  findings: Finding[];
} {
  const failedItems = BASIC_SCREENING_ITEMS.filter((item) => answers[item] !== true);
  const findings = failedItems.map((item) =>
    finding(
      'R-EVAL-01',
      'error',
      `基礎審査項目「${item}」を満たしていないため不採択となります。`,
      `Basic screening item ${item} is not met: the proposal is rejected.`,
      'jcm-grants.md §8 R-EVAL-01 / 審査基準(別添2) 1.',
    ),
  );
  return { passed: failedItems.length === 0, failedItems, findings };
}
