import type * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import type { CharacterSchema, ProcurementSchema } from './plan-form.schema';

type Character = z.output<typeof CharacterSchema>;
type Procurement = z.output<typeof ProcurementSchema>;
const blank = (s: string | undefined) => (s ?? '').trim() === '';

// plan-forms.md §7.6 V-CHR-1 / 実施計画書 5(1) 1)補助事業完了までのリスク 2)MRV実施期間(=法定耐用年数期間)におけるリスク.
/** Both risk blocks (until completion; during the MRV period) are filled. */
export function riskBlocksPresent(c: Pick<Character, 'risksUntilCompletion' | 'risksDuringMrv'>): Finding[] {
  const src = 'plan-forms.md V-CHR-1 / 実施計画書 5(1) 事業実施にあたり想定されるリスクとその対処方法';
  const out: Finding[] = [];
  if (blank(c.risksUntilCompletion))
    out.push(
      finding(
        'V-CHR-1',
        'error',
        '補助事業完了までのリスクと対処方法を記入してください。',
        'Describe the risks until completion and their countermeasures.',
        src,
      ),
    );
  if (blank(c.risksDuringMrv))
    out.push(
      finding(
        'V-CHR-1',
        'error',
        'MRV実施期間（法定耐用年数期間）におけるリスクと対処方法を記入してください。',
        'Describe the risks during the MRV period (legal useful life).',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.6 V-CHR-2 / 実施計画書 5(3)＊: モントリオール議定書に基づくオゾン層破壊物質を冷媒とする設備は導入しない; 撤去は適切に.
/** No treaty-non-compliant (ODS) equipment; removal of such equipment needs a removal plan. */
export function treatyCompliantEquipment(
  c: Pick<Character, 'usesOdsRefrigerant' | 'removesTreatyNonCompliantEquipment' | 'removalPlan'>,
): Finding[] {
  const src = 'plan-forms.md V-CHR-2 / 実施計画書 5(3) 環境・社会経済への影響';
  const out: Finding[] = [];
  if (c.usesOdsRefrigerant !== false) {
    out.push(
      c.usesOdsRefrigerant === true
        ? finding(
            'V-CHR-2',
            'error',
            '国際条約等に抵触する技術（オゾン層破壊物質の冷媒等）を活用する設備は導入できません。',
            'Equipment using treaty-non-compliant technology (e.g. ODS refrigerant) cannot be introduced.',
            src,
          )
        : finding(
            'V-CHR-2',
            'error',
            'オゾン層破壊物質を冷媒として使用する設備を導入しないことを明示してください。',
            'State that no ODS-refrigerant equipment is introduced.',
            src,
          ),
    );
  }
  if (c.removesTreatyNonCompliantEquipment && blank(c.removalPlan))
    out.push(
      finding(
        'V-CHR-2',
        'error',
        '国際条約等に抵触する設備の撤去が前提のため、適切な撤去方法を記入してください。',
        'Removal of treaty-non-compliant equipment is a premise: describe the proper removal.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.6 V-CHR-3 / 実施計画書 5(5) 人権デュー・ディリジェンス（□ チェック任意）.
/** Human-rights due-diligence checkbox: optional, recorded as info when ticked. */
export function humanRightsDueDiligence(ticked: boolean | undefined): Finding[] {
  return ticked
    ? [
        finding(
          'V-CHR-3',
          'info',
          '「ビジネスと人権」行動計画を踏まえた人権デュー・ディリジェンスの対応にチェックがあります。',
          'Human-rights due diligence (Business and Human Rights NAP) is ticked.',
          'plan-forms.md V-CHR-3 / 実施計画書 5(5)',
        ),
      ]
    : [];
}

// plan-forms.md §7.6 V-CHR-4 / コ・イノベーション実施計画書 6(2): 17の目標のうち該当する目標.
/** Form B: SDG goals non-empty, unique, each in 1..17. */
export function sdgGoalsValid(goals: readonly number[] | undefined): Finding[] {
  const src = 'plan-forms.md V-CHR-4 / コ・イノベーション実施計画書 6(2) 持続可能な開発やSDGsへの貢献';
  const g = goals ?? [];
  if (g.length === 0)
    return [
      finding(
        'V-CHR-4',
        'error',
        '該当するSDGsの目標（1〜17）を1つ以上記載してください。',
        'Name at least one SDG (1–17).',
        src,
      ),
    ];
  const bad = g.filter((n) => !Number.isInteger(n) || n < 1 || n > 17);
  const out: Finding[] = [];
  if (bad.length > 0)
    out.push(
      finding(
        'V-CHR-4',
        'error',
        `SDGsの目標番号${bad.join('、')}は1〜17の範囲外です。`,
        `SDG numbers ${bad.join(', ')} are outside 1–17.`,
        src,
      ),
    );
  if (new Set(g).size !== g.length)
    out.push(
      finding('V-CHR-4', 'error', 'SDGsの目標番号が重複しています。', 'SDG numbers are duplicated.', src),
    );
  return out;
}

// plan-forms.md §7.8 V-PRC-1 / 実施計画書 7(1)＊: 国際コンソーシアム構成員からの調達 ⇒ 利益等排除申告書及び根拠資料（原価管理表等）.
/** Procurement from consortium members needs the profit-exclusion declaration and cost evidence (A). */
export function consortiumProcurementDocs(
  p: Pick<Procurement, 'rows' | 'profitExclusionDeclaration' | 'costEvidence'>,
): Finding[] {
  if (!p.rows.some((r) => r.fromConsortiumMember)) return [];
  const src = 'plan-forms.md V-PRC-1 / 実施計画書 7(1) 調達先';
  const out: Finding[] = [];
  if (!p.profitExclusionDeclaration)
    out.push(
      finding(
        'V-PRC-1',
        'error',
        '国際コンソーシアム構成員からの調達があるため、利益等排除申告書を添付してください。',
        'Procurement from consortium members needs the profit-exclusion declaration.',
        src,
      ),
    );
  if (!p.costEvidence)
    out.push(
      finding(
        'V-PRC-1',
        'error',
        '利益等排除の根拠資料（原価管理表等）を添付してください。',
        'Attach the cost evidence (cost-control sheet etc.).',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.8 V-PRC-2 / 実施計画書 7(1)＊, コ・イノベーション 7(2): 兼職者がある場合はその詳細; A は市場価格を証する資料（相見積比較表など）.
/**
 * Concurrent officers need details; in A also market-price evidence (相見積比較表). The original sentence does not tie
 * the evidence to 兼職者 only, so consortium-member supply also needs it (DISCREPANCIES.md #7).
 */
export function concurrentOfficerDisclosure(
  kind: 'A' | 'B',
  p: Pick<Procurement, 'rows' | 'marketPriceEvidence'>,
): Finding[] {
  const src = 'plan-forms.md V-PRC-2 / 実施計画書 7(1) 兼職者';
  const flagged = p.rows.filter((r) => r.hasConcurrentOfficer);
  const out: Finding[] = flagged
    .filter((r) => blank(r.concurrentOfficerDetails))
    .map((r) =>
      finding(
        'V-PRC-2',
        'error',
        `調達先「${r.supplierCompany}」の兼職者の詳細を明記してください。`,
        `Give details of the concurrent officer at "${r.supplierCompany}".`,
        src,
      ),
    );
  const needsEvidence = flagged.length > 0 || p.rows.some((r) => r.fromConsortiumMember);
  if (kind === 'A' && needsEvidence && !p.marketPriceEvidence)
    out.push(
      finding(
        'V-PRC-2',
        'error',
        '調達コストが市場価格であることを証する資料（相見積比較表など）を添付してください。',
        'Attach market-price evidence (competing quotes).',
        src,
      ),
    );
  return out;
}
