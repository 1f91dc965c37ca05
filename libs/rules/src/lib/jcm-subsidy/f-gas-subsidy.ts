import { finding, type Finding } from '../shared/finding';
import { assertYen, type Yen } from '../shared/money';

/** F-gas recovery/destruction subsidy preset (代替フロン等の回収・破壊事業), from the FY2019 overview slide. */
export interface FGasSubsidyPreset {
  readonly id: string;
  readonly maxFixedSubsidyYen: Yen;
  readonly maxProjectYears: number;
}

export const JCM_FGAS_FY2019: FGasSubsidyPreset = {
  id: 'JCM_FGAS_FY2019',
  maxFixedSubsidyYen: 40_000_000,
  maxProjectYears: 3,
};

// city-partnerships.md §7.5 J9 / seeds/000 代替フロン等の回収・破壊事業: 必要経費について定額補助（1件あたり最大40百万円）.
/** F-gas fixed subsidy (定額補助) within the per-project maximum. */
export function fGasSubsidyWithinLimit(subsidyYen: Yen, preset: FGasSubsidyPreset): Finding[] {
  if (assertYen(subsidyYen) <= preset.maxFixedSubsidyYen) return [];
  return [
    finding(
      'C3P-J9',
      'error',
      `代替フロン事業の定額補助${subsidyYen.toLocaleString('en-US')}円が上限4,000万円を超えています。`,
      `F-gas fixed subsidy ¥${subsidyYen.toLocaleString('en-US')} exceeds the ¥40,000,000 maximum.`,
      'city-partnerships.md §7.5 J9 / seeds/000',
    ),
  ];
}
