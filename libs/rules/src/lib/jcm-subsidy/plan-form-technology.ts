import type * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import type { EffectsSchema, TechnologySchema } from './plan-form.schema';

type Technology = z.output<typeof TechnologySchema>;
type Effects = z.output<typeof EffectsSchema>;
const blank = (s: string | undefined) => (s ?? '').trim() === '';

// plan-forms.md §7.7 V-TEC-1 / 実施計画書 6(4)＊: 原則として、既存設備をリファレンス設備とすることは不可.
/** Reference comparison: existing equipment as reference is an error; whether it is the best common local technology is reviewer judgement. */
export function referenceComparisonValid(
  t: Pick<Technology, 'referenceIsExistingEquipment' | 'referenceComparison'>,
): Finding[] {
  const src = 'plan-forms.md V-TEC-1 / 実施計画書 6(4) リファレンスとの違い';
  if (blank(t.referenceComparison))
    return [
      finding(
        'V-TEC-1',
        'error',
        'リファレンスとの性能・仕様の定量的比較を記入してください。',
        'Give the quantitative comparison with the reference.',
        src,
      ),
    ];
  if (t.referenceIsExistingEquipment)
    return [
      finding(
        'V-TEC-1',
        'error',
        '原則として、既存設備をリファレンス設備とすることは不可です。',
        'Existing equipment may not in principle be the reference.',
        src,
      ),
    ];
  return [
    finding(
      'V-TEC-1',
      'info',
      'リファレンスが「現時点において現地で通常導入される技術のうち優れたもの」であることを審査者が確認してください。',
      'Reviewer: confirm the reference is the best technology commonly installed locally at present.',
      src,
    ),
  ];
}

// plan-forms.md §7.7 V-TEC-2 / 実施計画書 6(2)＊: 太陽光発電（＋蓄電池）の場合は公募要領（別添５）の技術別採択条件を満たすことを記入.
/** Solar PV (or PV + battery) needs the 別添5 conditions statement. */
export function solarConditionsStated(technologies: Technology['technologies']): Finding[] {
  return technologies
    .filter((t) => t.isSolarPv && blank(t.solarConditionsStatement))
    .map((t) =>
      finding(
        'V-TEC-2',
        'error',
        `「${t.name}」は太陽光発電のため、公募要領（別添５）の技術別採択条件を満たすことを記入してください。`,
        `"${t.name}" is solar PV: state that the 別添5 technology conditions are met.`,
        'plan-forms.md V-TEC-2 / 実施計画書 6(2) 導入技術及び設備の優位性',
      ),
    );
}

// plan-forms.md §7.7 V-TEC-3 / 実施計画書 6(5)＊ 類似技術の分類, 8(1)＊ 複数技術は技術ごと.
/** Similar technology ⇒ classification named; several technologies ⇒ per-technology effects. */
export function similarTechnologyClassified(
  technologies: Technology['technologies'],
  effectsTechnologyCount: number | undefined,
): Finding[] {
  const out = technologies
    .filter((t) => t.similarTech && blank(t.similarTechCategory))
    .map((t) =>
      finding(
        'V-TEC-3',
        'warning',
        `「${t.name}」が該当する類似技術の分類を記入してください。`,
        `State the similar-technology class of "${t.name}".`,
        'plan-forms.md V-TEC-3 / 実施計画書 6(5) 実用化された技術であることの説明',
      ),
    );
  if (
    technologies.length > 1 &&
    effectsTechnologyCount !== undefined &&
    effectsTechnologyCount < technologies.length
  ) {
    out.push(
      finding(
        'V-TEC-3',
        'warning',
        `導入技術が${technologies.length}件ありますが、事業の効果は${effectsTechnologyCount}件分しかありません（技術ごとに算出）。`,
        `${technologies.length} technologies but effects for only ${effectsTechnologyCount} (compute per technology).`,
        'plan-forms.md V-TEC-3 / 実施計画書 8(1)',
      ),
    );
  }
  return out;
}

export const OVERSEAS_STRATEGIES = ['海外展開戦略（環境）', 'インフラシステム海外展開戦略２０２５'] as const;

// plan-forms.md §7.7 V-TEC-4 / 実施計画書 6(7)＊: 海外展開戦略（環境）及びインフラシステム海外展開戦略２０２５に沿った事業であること.
/** The diffusion outlook names both strategies (substring check; half-width digits and brackets accepted). */
export function strategiesMentioned(diffusionOutlook: string): Finding[] {
  const norm = (s: string) =>
    s
      .replace(/[（(]/g, '(')
      .replace(/[）)]/g, ')')
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/\s/g, '');
  const text = norm(diffusionOutlook);
  return OVERSEAS_STRATEGIES.filter((s) => !text.includes(norm(s))).map((s) =>
    finding(
      'V-TEC-4',
      'warning',
      `普及状況及び波及効果に「${s}」に沿った事業であることが記載されていません。`,
      `The diffusion outlook does not mention "${s}".`,
      'plan-forms.md V-TEC-4 / 実施計画書 6(7)',
    ),
  );
}

// plan-forms.md §7.7 V-TEC-5 / 実施計画書 6(2)＊: イニシャルコストだけではなく、ランニングコストやライフサイクルコストも含めて比較.
/** Cost comparison covers running or life-cycle cost (competitor rows with LCC/running cost, or the words in the text). */
export function lifecycleCostCompared(t: Pick<Technology, 'techAdvantage' | 'competitors'>): Finding[] {
  const structured = (t.competitors ?? []).some(
    (c) => c.lccYen !== undefined || c.runningCostYenPerYear !== undefined,
  );
  const text = /ランニングコスト|ライフサイクルコスト|LCC|running cost|life-cycle cost/i.test(
    t.techAdvantage ?? '',
  );
  return structured || text
    ? []
    : [
        finding(
          'V-TEC-5',
          'warning',
          'コスト比較にランニングコストやライフサイクルコストが含まれていません。',
          'The cost comparison does not cover running or life-cycle cost.',
          'plan-forms.md V-TEC-5 / 実施計画書 6(2) 導入技術及び設備の優位性',
        ),
      ];
}

// plan-forms.md §7.9 V-EFF-11 / 実施計画書 9(2)＊: 類似技術は Methodology number の記載だけでなく、適格性要件を列記し、満たすことを説明.
/** Similar technology ⇒ eligibility criteria listed individually with how each is met. */
export function eligibilityCriteriaListed(
  anySimilarTech: boolean,
  methodology: Effects['methodology'],
): Finding[] {
  if (!anySimilarTech) return [];
  const src = 'plan-forms.md V-EFF-11 / 実施計画書 9(2) 類似技術に関する方法論の適格性要件';
  const rows = methodology?.eligibilityCriteria ?? [];
  if (rows.length === 0)
    return [
      finding(
        'V-EFF-11',
        'error',
        '類似技術のため、方法論の適格性要件を列記し、要件を満たすことを説明してください（番号の記載だけでは不可）。',
        'Similar technology: list each eligibility criterion and how it is met (a number alone is not enough).',
        src,
      ),
    ];
  return rows.flatMap((r, i) =>
    blank(r.criterion) || blank(r.howMet)
      ? [
          finding(
            'V-EFF-11',
            'error',
            `適格性要件${i + 1}の要件または説明がありません。`,
            `Criterion ${i + 1} lacks the criterion or how it is met.`,
            src,
          ),
        ]
      : [],
  );
}
