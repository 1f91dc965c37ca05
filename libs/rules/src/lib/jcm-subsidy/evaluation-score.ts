import { finding, type Finding } from '../shared/finding';
import { isGap } from '../shared/gap';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

export type EvaluationCriterion = 'A1' | 'A2' | 'B1' | 'B2' | 'B3' | 'C' | 'D' | 'E';

// jcm-grants.md §8 R-EVAL-02 / 審査基準(別添2) 2. 評価審査: A(20)+B(30)+C(25)+D(25) = 100, 加点 E(10).
/** Evaluation score (評価審査の得点): reviewer points validated against each criterion's maximum. */
export function evaluationScore(
  points: Partial<Record<EvaluationCriterion, number>>,
  preset: JcmSubsidyPreset,
): { baseScore: number; bonus: number; total: number; maxBase: number; findings: Finding[] } {
  const max = preset.evaluation.maxPoints;
  const findings: Finding[] = [];
  const src = 'jcm-grants.md §8 R-EVAL-02 / 審査基準(別添2) 2.';
  const get = (c: EvaluationCriterion): number => {
    const v = points[c] ?? 0;
    if (!Number.isInteger(v) || v < 0 || v > max[c]) {
      findings.push(
        finding(
          'R-EVAL-02',
          'error',
          `${c}の得点${v}は0〜${max[c]}の範囲外です。`,
          `${c} score ${v} is outside 0–${max[c]}.`,
          src,
        ),
      );
      return 0;
    }
    return v;
  };
  const base = (['A1', 'A2', 'B1', 'B2', 'B3', 'C', 'D'] as const).reduce((a, c) => a + get(c), 0);
  const bonus = get('E');
  if (isGap(preset.evaluation.totalReductionScoringCurve) && points.C === undefined) {
    findings.push(
      finding(
        'R-EVAL-02',
        'info',
        '(C)排出削減総量の配点方法は公募要領に記載がありません。',
        'The points curve for (C) total reduction is not in the documents.',
        preset.evaluation.totalReductionScoringCurve.source,
      ),
    );
  }
  if (isGap(preset.evaluation.costEffectivenessScoringCurve) && points.D === undefined) {
    findings.push(
      finding(
        'R-EVAL-02',
        'info',
        '(D)費用対効果の配点方法は公募要領に記載がありません。',
        'The points curve for (D) cost-effectiveness is not in the documents.',
        preset.evaluation.costEffectivenessScoringCurve.source,
      ),
    );
  }
  const maxBase = max.A1 + max.A2 + max.B1 + max.B2 + max.B3 + max.C + max.D;
  return { baseScore: base, bonus, total: base + bonus, maxBase, findings };
}
