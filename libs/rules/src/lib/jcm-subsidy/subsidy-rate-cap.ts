import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { floorYen, assertYen, type Yen } from '../shared/money';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

export const RATE_CAP_SOURCE = 'jcm-grants.md §8 R-FIN-01 / 公募要領 1.(8) 補助率の上限';

// jcm-grants.md §8 R-FIN-01 / 公募要領 1.(8): 0件→50%, 1〜3件→40%, 4件以上→30% (per technology).
/** Subsidy-rate cap (補助率の上限) for a technology by prior similar projects adopted in the partner country. */
export function subsidyRateCap(priorSimilarProjects: number, preset: JcmSubsidyPreset): Decimal {
  if (!Number.isInteger(priorSimilarProjects) || priorSimilarProjects < 0) {
    throw new RangeError('similar-project count must be a non-negative integer');
  }
  const bracket = preset.rateCapBrackets.find(
    (b) =>
      priorSimilarProjects >= b.minSimilarProjects &&
      (b.maxSimilarProjects === null || priorSimilarProjects <= b.maxSimilarProjects),
  );
  if (!bracket) throw new RangeError(`no rate-cap bracket for ${priorSimilarProjects} in ${preset.id}`);
  return new Decimal(bracket.rateCap);
}

// jcm-grants.md §8 R-FIN-01 / 公募要領 1.(8): JCM エコリース事業の補助率は一律10%.
/** Eco-Lease rate (エコリース補助率), flat. */
export function ecoLeaseRate(preset: JcmSubsidyPreset): Decimal {
  return new Decimal(preset.ecoLeaseRate);
}

export interface TechnologyCost {
  readonly technologyId: string;
  readonly eligibleCostYen: Yen;
  readonly priorSimilarProjects: number;
  /** Rate the Center assigned (センターが定める割合), ≤ the cap. Defaults to the cap. */
  readonly assignedRate?: string;
}

export interface TechnologySubsidyCap {
  readonly technologyId: string;
  readonly rateCap: string;
  readonly rateApplied: string;
  readonly maxSubsidyYen: Yen;
}

// jcm-grants.md §8 R-FIN-02 / 公募要領 1.(7): 補助対象経費の総額に補助率を乗じた金額を上限 (per technology, yen floored).
/** Maximum subsidy (補助金の交付額の上限) = Σ eligible cost × rate, per technology. */
export function maxSubsidyByTechnology(
  technologies: readonly TechnologyCost[],
  preset: JcmSubsidyPreset,
): { perTechnology: TechnologySubsidyCap[]; maxSubsidyYen: Yen; findings: Finding[] } {
  const findings: Finding[] = [];
  const perTechnology = technologies.map((t) => {
    const cap = subsidyRateCap(t.priorSimilarProjects, preset);
    let rate = cap;
    if (t.assignedRate !== undefined) {
      rate = new Decimal(t.assignedRate);
      if (rate.greaterThan(cap)) {
        findings.push(
          finding(
            'R-FIN-01',
            'error',
            `${t.technologyId}: 補助率${rate.times(100).toFixed()}%が上限${cap.times(100).toFixed()}%を超えています。`,
            `${t.technologyId}: assigned rate ${rate.times(100).toFixed()}% exceeds the cap ${cap.times(100).toFixed()}%.`,
            RATE_CAP_SOURCE,
          ),
        );
        rate = cap;
      }
    }
    return {
      technologyId: t.technologyId,
      rateCap: cap.toFixed(),
      rateApplied: rate.toFixed(),
      maxSubsidyYen: floorYen(new Decimal(assertYen(t.eligibleCostYen)).times(rate)),
    };
  });
  const maxSubsidyYen = perTechnology.reduce((acc, t) => acc + t.maxSubsidyYen, 0);
  return { perTechnology, maxSubsidyYen: assertYen(maxSubsidyYen), findings };
}

// jcm-grants.md §2.1 / 公募要領 1.(7): リース導入費（設備費相当分＋リース金利）×補助率.
/** Eco-Lease maximum subsidy (エコリース補助金上限). */
export function ecoLeaseMaxSubsidy(leaseIntroductionCostYen: Yen, preset: JcmSubsidyPreset): Yen {
  return floorYen(new Decimal(assertYen(leaseIntroductionCostYen)).times(ecoLeaseRate(preset)));
}

// jcm-grants.md §8 R-FIN-03 / 公募要領 1.(7): 1件当たり原則20億円以下を目安 (guideline → warning).
/** Per-project subsidy guideline (1件当たりの目安). */
export function perProjectGuideline(subsidyYen: Yen, preset: JcmSubsidyPreset): Finding[] {
  if (subsidyYen <= preset.perProjectGuidelineYen) return [];
  return [
    finding(
      'R-FIN-03',
      'warning',
      `補助金額${subsidyYen.toLocaleString('en-US')}円は1件当たりの目安（${preset.perProjectGuidelineYen.toLocaleString('en-US')}円以下）を超えています。`,
      `Subsidy ¥${subsidyYen.toLocaleString('en-US')} exceeds the per-project guideline of ¥${preset.perProjectGuidelineYen.toLocaleString('en-US')}.`,
      'jcm-grants.md §8 R-FIN-03 / 公募要領 1.(7)',
    ),
  ];
}
