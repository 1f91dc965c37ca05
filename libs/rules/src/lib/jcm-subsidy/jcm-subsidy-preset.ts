import { documentGap, type PresetValue } from '../shared/gap';
import type { Yen } from '../shared/money';

/** One bracket of the subsidy-rate cap table (補助率の上限). */
export interface RateCapBracket {
  readonly minSimilarProjects: number;
  readonly maxSimilarProjects: number | null; // null = no upper bound
  readonly rateCap: string; // fraction, e.g. '0.4'
}

/** One marginal bracket of the 事務費 cap (別表1 号1–3). */
export interface AdminCostBracket {
  readonly upToYen: Yen | null; // null = above the previous bracket without limit
  readonly rate: string;
}

/** A cost-effectiveness threshold (費用対効果) tier by similar-project count. */
export interface CostEffectivenessTier {
  readonly minSimilarProjects: number;
  readonly maxYenPerTonne: Yen;
}

export type CompletionDeadlineType = 'FY2021_SINGLE' | 'FY2021_2022' | 'FY2021_2023';

/** A versioned preset of the JCM equipment subsidy call (JCM設備補助事業 公募要領). */
export interface JcmSubsidyPreset {
  readonly id: string;
  readonly source: string;
  readonly asOf: string;
  readonly rateCapBrackets: readonly RateCapBracket[];
  readonly ecoLeaseRate: string;
  readonly perProjectGuidelineYen: Yen;
  readonly adminCostBrackets: readonly AdminCostBracket[];
  readonly costEffectivenessTiers: readonly CostEffectivenessTier[];
  readonly paybackWithSubsidyMinYears: string;
  readonly reallocationThresholdRate: string;
  readonly propertyDisposalApprovalMinUnitPriceYen: Yen;
  readonly ecoLeaseMinLeaseYears: number;
  readonly pvModuleMinEfficiencyPercent: string;
  readonly batteryMinShareOfPv: string;
  readonly deadlines: {
    readonly grantApplicationDaysAfterNaiji: number;
    readonly naijiCancellableAfterDays: number;
    readonly completionReportDays: number;
    readonly completionReportLatestMonthDay: readonly [number, number];
    readonly fyEndReportMonthDay: readonly [number, number];
    readonly paymentMonthDay: readonly [number, number];
    readonly registrationYearsAfterCompletion: number;
    readonly firstIssuanceYearsAfterRegistration: number;
    readonly finalIssuanceYearsAfterUsefulLife: number;
    readonly booksRetentionYears: number;
    readonly projectCompletion: Readonly<Record<CompletionDeadlineType, string>>;
    readonly callClosesAt: string; // ISO instant
    readonly firstBatchReceivedBy: string;
  };
  readonly priorityCountries: readonly string[];
  readonly adoptionHoldCountries: readonly string[];
  /** Similar-technology counts per (technology, country) known for certain from 別添3. */
  readonly similarProjectCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly evaluation: {
    readonly maxPoints: Readonly<Record<'A1' | 'A2' | 'B1' | 'B2' | 'B3' | 'C' | 'D' | 'E', number>>;
    readonly totalReductionScoringCurve: PresetValue<never>;
    readonly costEffectivenessScoringCurve: PresetValue<never>;
  };
  readonly governmentCreditShare: PresetValue<string>;
}

const SRC = 'jcm-grants.md / 公募要領 (seeds/001)';

// jcm-grants.md §2–§4, §7; 令和３年度から令和５年度 二酸化炭素排出抑制対策事業費等補助金 公募要領 (2021-04-07).
/** JCM equipment subsidy, FY2021–FY2023 call (令和3〜5年度 JCM設備補助事業). */
export const JCM_SUBSIDY_FY2021_23: JcmSubsidyPreset = {
  id: 'JCM_SUBSIDY_FY2021_23',
  source: SRC,
  asOf: '2021-04-07',
  rateCapBrackets: [
    { minSimilarProjects: 0, maxSimilarProjects: 0, rateCap: '0.5' },
    { minSimilarProjects: 1, maxSimilarProjects: 3, rateCap: '0.4' },
    { minSimilarProjects: 4, maxSimilarProjects: null, rateCap: '0.3' },
  ],
  ecoLeaseRate: '0.1',
  perProjectGuidelineYen: 2_000_000_000,
  adminCostBrackets: [
    { upToYen: 50_000_000, rate: '0.065' },
    { upToYen: 100_000_000, rate: '0.055' },
    { upToYen: null, rate: '0.045' },
  ],
  costEffectivenessTiers: [
    { minSimilarProjects: 10, maxYenPerTonne: 2_500 },
    { minSimilarProjects: 5, maxYenPerTonne: 3_000 },
    { minSimilarProjects: 0, maxYenPerTonne: 4_000 },
  ],
  paybackWithSubsidyMinYears: '3',
  reallocationThresholdRate: '0.15',
  propertyDisposalApprovalMinUnitPriceYen: 500_000,
  ecoLeaseMinLeaseYears: 5,
  pvModuleMinEfficiencyPercent: '20',
  batteryMinShareOfPv: '0.2',
  deadlines: {
    grantApplicationDaysAfterNaiji: 30,
    naijiCancellableAfterDays: 60,
    completionReportDays: 30,
    completionReportLatestMonthDay: [3, 10],
    fyEndReportMonthDay: [4, 10],
    paymentMonthDay: [4, 30],
    registrationYearsAfterCompletion: 1,
    firstIssuanceYearsAfterRegistration: 1,
    finalIssuanceYearsAfterUsefulLife: 1,
    booksRetentionYears: 5,
    projectCompletion: { FY2021_SINGLE: '2022-02-28', FY2021_2022: '2023-02-28', FY2021_2023: '2024-01-31' },
    callClosesAt: '2021-10-29T12:00:00+09:00',
    firstBatchReceivedBy: '2021-05-10',
  },
  priorityCountries: [
    'MN',
    'BD',
    'ET',
    'KE',
    'MV',
    'VN',
    'LA',
    'ID',
    'CR',
    'PW',
    'KH',
    'MX',
    'SA',
    'CL',
    'MM',
    'TH',
    'PH',
  ],
  adoptionHoldCountries: ['MM'],
  similarProjectCounts: {
    SOLAR_PV: {
      MN: 4,
      BD: 1,
      ET: 1,
      KE: 2,
      MV: 1,
      VN: 4,
      LA: 3,
      ID: 3,
      CR: 1,
      PW: 5,
      KH: 4,
      MX: 3,
      SA: 1,
      CL: 4,
      MM: 1,
      TH: 15,
      PH: 6,
    },
    SMALL_HYDRO: { ID: 8 },
  },
  evaluation: {
    maxPoints: { A1: 10, A2: 10, B1: 10, B2: 10, B3: 10, C: 25, D: 25, E: 10 },
    totalReductionScoringCurve: documentGap(
      'The 審査基準 gives 25 points for (C) but no curve from tonnes to points.',
      'jcm-grants.md §9 item 9 / 別添2 (C)',
    ),
    costEffectivenessScoringCurve: documentGap(
      'The 審査基準 gives 25 points for (D) but no curve from ¥/t to points.',
      'jcm-grants.md §9 item 9 / 別添2 (D)',
    ),
  },
  governmentCreditShare: documentGap(
    'The call says only 「環境省が定める割合」; the share is set per project.',
    'jcm-grants.md §4.1③ / §9 item 1 / 公募要領 2(1)③',
  ),
};

/** Similar-project count from the preset's certain 別添3 data, or undefined when the country is unknown. */
export function knownSimilarProjectCount(
  preset: JcmSubsidyPreset,
  technology: string,
  country: string,
): number | undefined {
  return preset.similarProjectCounts[technology]?.[country];
}
