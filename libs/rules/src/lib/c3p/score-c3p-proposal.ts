import * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import { DecimalStringSchema } from '../shared/schemas';
import { emsPoints, fiscalStrengthBonus, wlbPoints } from './bonus-rules';
import type { C3pCallPreset, C3pSection1Criterion, C3pSection2Criterion } from './c3p-preset';

const Points = z.number().int().nonnegative();

/** Request body for scoreC3pProposal (審査基準及び採点表, 別添6). */
export const C3pScoreInput = z.object({
  kind: z.enum(['NEW', 'CONTINUING']),
  section1: z.object({
    originality: Points,
    pastResults: Points.optional(),
    implementationStructure: Points,
    policyCooperation: Points,
    jcmFeasibility: Points,
    nonJcmFeasibility: Points,
    synergy: Points,
  }),
  section2: z.object({ schedule: Points, managementEngineer: Points, organisationalSupport: Points }),
  municipality: z.object({
    kind: z.enum(['PREFECTURE', 'MUNICIPALITY']),
    fiscalStrengthIndex: DecimalStringSchema,
  }),
  ems: z.object({
    currentlyCertified: z.boolean(),
    previouslyCertified: z.boolean(),
    currentInHouseEms: z.boolean(),
  }),
  wlb: z.object({
    certifications: z
      .array(
        z.enum([
          'PLATINUM_ERUBOSHI',
          'ERUBOSHI_3',
          'ERUBOSHI_2',
          'ERUBOSHI_1',
          'ACTION_PLAN',
          'PLATINUM_KURUMIN',
          'KURUMIN_NEW',
          'KURUMIN_OLD',
          'YOUTH_YELL',
        ]),
      )
      .default([]),
    regularEmployees: z.number().int().nonnegative().optional(),
    actionPlanUnexpired: z.boolean().optional(),
  }),
  ghgTargetPoints: Points,
});
export type C3pScoreInput = z.input<typeof C3pScoreInput>;

export interface C3pScoreResult {
  readonly kind: 'NEW' | 'CONTINUING';
  readonly section1: number;
  readonly section2: number;
  readonly fiscalStrengthBonus: number;
  readonly ems: number;
  readonly wlb: number;
  readonly ghgTarget: number;
  readonly total: number;
  readonly maxTotal: number;
  readonly findings: Finding[];
}

const SRC = 'city-partnerships.md §2.6, §7.3 / ガイドブック 表4・表6 (別添6採点表)';

// city-partnerships.md §2.6, §7.3 S1–S9 / ガイドブック 表6: 200点満点, 新規と継続で配点が異なる.
/** Score a C3P proposal (企画書の採点) against the new or continuing table. */
export function scoreC3pProposal(input: C3pScoreInput, preset: C3pCallPreset): C3pScoreResult {
  const v = C3pScoreInput.parse(input);
  const table = preset.scoring[v.kind];
  const findings: Finding[] = [];
  const clip = (name: string, value: number, max: number | null): number => {
    if (max === null) {
      if (value > 0)
        findings.push(
          finding(
            'C3P-S4',
            'error',
            `「${name}」は継続案件のみの評価項目です。`,
            `"${name}" is scored for continuing projects only.`,
            SRC,
          ),
        );
      return 0;
    }
    if (value > max) {
      findings.push(
        finding(
          'C3P-S0',
          'error',
          `「${name}」の得点${value}が配点${max}を超えています。`,
          `"${name}" score ${value} exceeds its ${max} points.`,
          SRC,
        ),
      );
      return max;
    }
    return value;
  };
  if (v.kind === 'CONTINUING' && v.section1.pastResults === undefined) {
    findings.push(
      finding(
        'C3P-S2',
        'warning',
        '継続案件の過年度の成果が採点されていません。',
        'Past results are not scored for a continuing project.',
        SRC,
      ),
    );
  }
  const s1 = (Object.keys(table.section1) as C3pSection1Criterion[]).reduce(
    (acc, k) => acc + clip(k, v.section1[k] ?? 0, table.section1[k]),
    0,
  );
  const s2 = (Object.keys(table.section2) as C3pSection2Criterion[]).reduce(
    (acc, k) => acc + clip(k, v.section2[k], table.section2[k]),
    0,
  );
  const fiscal = fiscalStrengthBonus(
    v.municipality.kind,
    v.municipality.fiscalStrengthIndex,
    preset,
    table.fiscalStrengthBonus,
  );
  const ems = emsPoints(v.ems, table.ems);
  const wlb = Math.min(wlbPoints(v.wlb, preset), table.wlbMax);
  const ghg = clip('ghgTarget', v.ghgTargetPoints, table.ghgTarget);
  findings.push(
    finding(
      'C3P-S-GHG',
      'info',
      'GHG目標（15点）の内訳は公表されていないため、審査員の得点をそのまま用います。',
      'The split of the 15 GHG-target points is not published; the reviewer score is used as given.',
      'city-partnerships.md §8',
    ),
  );
  return {
    kind: v.kind,
    section1: s1,
    section2: s2,
    fiscalStrengthBonus: fiscal,
    ems,
    wlb,
    ghgTarget: ghg,
    total: s1 + s2 + fiscal + ems + wlb + ghg,
    maxTotal: table.total,
    findings,
  };
}
