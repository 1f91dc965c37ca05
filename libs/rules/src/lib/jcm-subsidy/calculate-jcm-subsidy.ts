import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import type { Yen } from '../shared/money';
import { parseTonnes } from '../shared/tonnes';
import { adminCostWithinCap } from './admin-cost-cap';
import { JcmSubsidyInput, type JcmSubsidyInputParsed } from './calculate-jcm-subsidy.schema';
import { costEffectivenessWithinThreshold } from './cost-effectiveness';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';
import { paybackGuideline, paybackYears } from './payback';
import { ecoLeaseMaxSubsidy, maxSubsidyByTechnology, perProjectGuideline } from './subsidy-rate-cap';
import { totalReduction } from './total-reduction';

export interface JcmTechnologyResult {
  readonly technologyId: string;
  readonly rateCap: string;
  readonly rateApplied: string;
  readonly maxSubsidyYen: Yen;
  readonly subsidyYen: Yen;
  readonly totalReductionT: string;
  readonly costEffectivenessYenPerT: Yen | null;
  readonly costEffectivenessThresholdYenPerT: Yen;
}

export interface JcmSubsidyResult {
  readonly presetId: string;
  readonly scheme: 'REGULAR' | 'ECO_LEASE';
  readonly technologies: JcmTechnologyResult[];
  readonly maxSubsidyYen: Yen;
  readonly subsidyYen: Yen;
  readonly totalReductionT: string;
  readonly costEffectivenessYenPerT: Yen | null;
  readonly adminCostCapYen: Yen | null;
  readonly paybackYearsWithoutSubsidy: string | null;
  readonly paybackYearsWithSubsidy: string | null;
  readonly findings: Finding[];
}

// jcm-grants.md §8 R-FIN-01..04, R-EVAL-03..05 / 公募要領 1.(7)(8), 審査基準(別添2) (C)(D): one pass over a proposal.
/** JCM equipment subsidy calculator (JCM設備補助金の試算): caps, totals, cost-effectiveness, payback. */
export function calculateJcmSubsidy(input: JcmSubsidyInput, preset: JcmSubsidyPreset): JcmSubsidyResult {
  const v = JcmSubsidyInput.parse(input);
  return v.scheme === 'ECO_LEASE' ? ecoLease(v, preset) : regular(v, preset);
}

function regular(v: JcmSubsidyInputParsed, preset: JcmSubsidyPreset): JcmSubsidyResult {
  const caps = maxSubsidyByTechnology(v.technologies, preset);
  const findings: Finding[] = [...caps.findings];
  const requested = v.requestedSubsidyYen ?? caps.maxSubsidyYen;
  if (requested > caps.maxSubsidyYen) {
    findings.push(
      finding(
        'R-FIN-02',
        'error',
        `申請補助金額${requested.toLocaleString('en-US')}円が上限（補助対象経費×補助率）${caps.maxSubsidyYen.toLocaleString('en-US')}円を超えています。`,
        `Requested subsidy ¥${requested.toLocaleString('en-US')} exceeds Σ eligible cost × rate = ¥${caps.maxSubsidyYen.toLocaleString('en-US')}.`,
        'jcm-grants.md §8 R-FIN-02 / 公募要領 1.(7)',
      ),
    );
  }
  const subsidyYen = Math.min(requested, caps.maxSubsidyYen);
  findings.push(...perProjectGuideline(subsidyYen, preset));

  // Per-technology subsidy: the cap share when the request is at the cap, otherwise pro rata to the caps (floored,
  // remainder to the last technology) — the forms need per-technology CE but do not say how to split (plan-forms.md §9 item 7).
  const shares = splitSubsidy(
    subsidyYen,
    caps.perTechnology.map((t) => t.maxSubsidyYen),
  );
  const technologies = v.technologies.map((t, i) => {
    const cap = caps.perTechnology[i];
    const total = totalReduction(parseTonnes(t.annualReductionT), t.usefulLifeYears, v.totalFrom);
    const label = v.technologies.length > 1 ? `${t.technologyId}: ` : '';
    const ce = total.greaterThan(0)
      ? costEffectivenessWithinThreshold(shares[i], total, t.priorSimilarProjects, preset, label)
      : null;
    if (ce) findings.push(...ce.findings);
    return {
      technologyId: t.technologyId,
      rateCap: cap.rateCap,
      rateApplied: cap.rateApplied,
      maxSubsidyYen: cap.maxSubsidyYen,
      subsidyYen: shares[i],
      totalReductionT: total.toFixed(),
      costEffectivenessYenPerT: ce?.ceYenPerT ?? null,
      costEffectivenessThresholdYenPerT: ce?.thresholdYenPerT ?? 0,
    };
  });
  const totalT = technologies.reduce((a, t) => a.plus(t.totalReductionT), new Decimal(0));
  const projectCe = totalT.greaterThan(0)
    ? Number(new Decimal(subsidyYen).dividedBy(totalT).ceil().toFixed(0))
    : null;
  if (projectCe === null) findings.push(zeroTotal());
  return {
    presetId: preset.id,
    scheme: 'REGULAR',
    technologies,
    maxSubsidyYen: caps.maxSubsidyYen,
    subsidyYen,
    totalReductionT: totalT.toFixed(),
    costEffectivenessYenPerT: projectCe,
    ...common(v, subsidyYen, preset, findings),
    findings,
  };
}

function ecoLease(v: JcmSubsidyInputParsed, preset: JcmSubsidyPreset): JcmSubsidyResult {
  const lease = v.ecoLease;
  if (!lease) throw new RangeError('ecoLease is required for ECO_LEASE');
  const findings: Finding[] = [];
  const maxSubsidyYen = ecoLeaseMaxSubsidy(lease.leaseIntroductionCostYen, preset);
  const subsidyYen = Math.min(v.requestedSubsidyYen ?? maxSubsidyYen, maxSubsidyYen);
  if ((v.requestedSubsidyYen ?? 0) > maxSubsidyYen) {
    findings.push(
      finding(
        'R-FIN-02',
        'error',
        '申請補助金額がリース導入費×10%を超えています。',
        'Requested subsidy exceeds lease introduction cost × 10%.',
        'jcm-grants.md §8 R-FIN-02 / 公募要領 1.(7)',
      ),
    );
  }
  if (lease.leaseYears < preset.ecoLeaseMinLeaseYears) {
    findings.push(
      finding(
        'R-APP-10',
        'error',
        `リース期間${lease.leaseYears}年は5年以上である必要があります。`,
        `Lease period ${lease.leaseYears} years must be at least 5 years.`,
        'jcm-grants.md §8 R-APP-10 / 公募要領 2.(1)②',
      ),
    );
  }
  // 審査基準 (C): JCM エコリース事業の場合は耐用年数をリース期間とする.
  const total = totalReduction(parseTonnes(lease.annualReductionT), lease.leaseYears, v.totalFrom);
  const ce = total.greaterThan(0) ? costEffectivenessWithinThreshold(subsidyYen, total, 0, preset) : null;
  if (ce) findings.push(...ce.findings);
  else findings.push(zeroTotal());
  return {
    presetId: preset.id,
    scheme: 'ECO_LEASE',
    technologies: [],
    maxSubsidyYen,
    subsidyYen,
    totalReductionT: total.toFixed(),
    costEffectivenessYenPerT: ce?.ceYenPerT ?? null,
    ...common(v, subsidyYen, preset, findings),
    findings,
  };
}

function common(v: JcmSubsidyInputParsed, subsidyYen: Yen, preset: JcmSubsidyPreset, findings: Finding[]) {
  let adminCostCapYen: Yen | null = null;
  if (v.costs) {
    const admin = adminCostWithinCap(
      v.costs.adminYen,
      v.costs.constructionYen + v.costs.equipmentYen,
      preset,
    );
    adminCostCapYen = admin.capYen;
    findings.push(...admin.findings);
  }
  let without: string | null = null;
  let withSubsidy: string | null = null;
  if (v.payback) {
    without = paybackYears(v.payback.initialCostYen, v.payback.annualCashFlowYen).toFixed(1);
    const w = paybackYears(v.payback.initialCostYen, v.payback.annualCashFlowYen, subsidyYen);
    withSubsidy = w.toFixed(1);
    findings.push(...paybackGuideline(w, preset));
  }
  return { adminCostCapYen, paybackYearsWithoutSubsidy: without, paybackYearsWithSubsidy: withSubsidy };
}

function splitSubsidy(subsidyYen: Yen, caps: readonly Yen[]): Yen[] {
  const capTotal = caps.reduce((a, c) => a + c, 0);
  if (capTotal === 0) return caps.map(() => 0);
  const parts = caps.map((c) =>
    Number(new Decimal(subsidyYen).times(c).dividedBy(capTotal).floor().toFixed(0)),
  );
  parts[parts.length - 1] += subsidyYen - parts.reduce((a, p) => a + p, 0);
  return parts;
}

function zeroTotal(): Finding {
  return finding(
    'V-EFF-5',
    'error',
    '排出削減総量が0のため費用対効果を計算できません。',
    'Total reduction is zero: cost-effectiveness is undefined.',
    'plan-forms.md §7.9 V-EFF-5 / 実施計画書 8(2)',
  );
}
