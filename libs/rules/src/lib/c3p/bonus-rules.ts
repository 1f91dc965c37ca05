import Decimal from 'decimal.js';
import type { C3pCallPreset, WlbCertification } from './c3p-preset';

// city-partnerships.md §7.3 S5 / ガイドブック 表6 3: 都道府県 0.40未満, 市区町村 0.51未満 → 10点.
/** Fiscal-strength bonus (財政力指数による加点) for the participating Japanese municipality. */
export function fiscalStrengthBonus(
  kind: 'PREFECTURE' | 'MUNICIPALITY',
  fiscalStrengthIndex: string,
  preset: C3pCallPreset,
  points: number,
): number {
  const below =
    kind === 'PREFECTURE'
      ? preset.fiscalStrengthThresholds.prefectureBelow
      : preset.fiscalStrengthThresholds.municipalityBelow;
  return new Decimal(fiscalStrengthIndex).lessThan(below) ? points : 0;
}

// city-partnerships.md §7.3 S9 / ガイドブック 表6 4: 提出時点で認証期間中, 又は過去の認証＋現在の自社EMS.
/** EMS certification points (環境マネジメントシステム認証). */
export function emsPoints(
  ems: { currentlyCertified: boolean; previouslyCertified: boolean; currentInHouseEms: boolean },
  points: number,
): number {
  if (ems.currentlyCertified) return points;
  return ems.previouslyCertified && ems.currentInHouseEms ? points : 0;
}

// city-partnerships.md §7.3 S6–S8 / ガイドブック 表6 5: 複数の認定等に該当する場合は最も得点が高い区分のみ.
/** Work–life-balance points (WLB認定): only the highest counts; an action plan needs ≤ 300 employees and an unexpired plan. */
export function wlbPoints(
  wlb: {
    certifications: readonly WlbCertification[];
    regularEmployees?: number;
    actionPlanUnexpired?: boolean;
  },
  preset: C3pCallPreset,
): number {
  const valid = wlb.certifications.filter(
    (c) =>
      c !== 'ACTION_PLAN' ||
      (wlb.regularEmployees !== undefined &&
        wlb.regularEmployees <= preset.wlbActionPlanMaxEmployees &&
        wlb.actionPlanUnexpired === true),
  );
  return valid.reduce((best, c) => Math.max(best, preset.wlbPoints[c]), 0);
}
