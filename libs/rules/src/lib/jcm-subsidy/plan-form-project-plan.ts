import type * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import type { MonitoringPointSchema, ProjectPlanSchema } from './plan-form.schema';

type ProjectPlan = z.output<typeof ProjectPlanSchema>;
type MonitoringPoint = z.output<typeof MonitoringPointSchema>;
const blank = (s: string | undefined) => (s ?? '').trim() === '';

// plan-forms.md §7.4 V-PLAN-1 / 実施計画書 3(1): 土地の権利譲渡等が発生する場合は、地権者との交渉状況や契約完了までのスケジュール.
/** Land-rights transfer needs the landowner negotiation status and the contract schedule. */
export function landRightsTransferValid(
  plan: Pick<ProjectPlan, 'landRightsTransfer' | 'landNegotiationStatus' | 'landContractSchedule'>,
): Finding[] {
  if (!plan.landRightsTransfer) return [];
  const missing = [
    blank(plan.landNegotiationStatus) ? '地権者との交渉状況' : null,
    blank(plan.landContractSchedule) ? '契約完了までのスケジュール' : null,
  ].filter((m): m is string => m !== null);
  return missing.length === 0
    ? []
    : [
        finding(
          'V-PLAN-1',
          'error',
          `土地の権利譲渡が発生するため、${missing.join('と')}を記入してください。`,
          'A land-rights transfer needs the landowner negotiation status and the contract schedule.',
          'plan-forms.md V-PLAN-1 / 実施計画書 3(1) 土地確保の状況及び予定',
        ),
      ];
}

// plan-forms.md §7.4 V-PLAN-2 / 実施計画書 3(4)＊: 補助対象設備の所有者を明記; 単独所有者でない場合はパートナー国の法律に基づく説明.
/** Equipment owner named; joint ownership explained. */
export function equipmentOwnerValid(
  plan: Pick<ProjectPlan, 'equipmentOwner' | 'soleOwner' | 'ownershipExplanation'>,
): Finding[] {
  const src = 'plan-forms.md V-PLAN-2 / 実施計画書 3(4) 補助事業の実施体制と役割分担';
  const out: Finding[] = [];
  if (blank(plan.equipmentOwner))
    out.push(
      finding(
        'V-PLAN-2',
        'error',
        '補助対象設備の所有者を明記してください。',
        'Name the owner of the subsidised equipment.',
        src,
      ),
    );
  if (plan.soleOwner === false && blank(plan.ownershipExplanation))
    out.push(
      finding(
        'V-PLAN-2',
        'error',
        '単独所有者でない場合、所有の方法がパートナー国の法律に基づくことを説明してください。',
        'Without a sole owner, explain that the ownership complies with partner-country law.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.4 V-PLAN-3 / 実施計画書 3(5)＊: ドラフト（サインなし）の国際コンソーシアム協定書(案)【書類番号 5-01】, 体制図を含める.
/** Consortium agreement draft 5-01 attached, unsigned, with the structure diagram. */
export function consortiumAgreementDraftValid(
  attached: boolean,
  plan: Pick<ProjectPlan, 'consortiumDraftIncludesDiagram' | 'consortiumDraftUnsigned'>,
): Finding[] {
  const src = 'plan-forms.md V-PLAN-3 / 実施計画書 3(5) 国際コンソーシアム協定の締結状況';
  if (!attached)
    return [
      finding(
        'V-PLAN-3',
        'error',
        '国際コンソーシアム協定書(案)【書類番号 5-01】を添付してください。',
        'Attach the consortium agreement draft (5-01).',
        src,
      ),
    ];
  const out: Finding[] = [];
  if (plan.consortiumDraftIncludesDiagram !== true)
    out.push(
      finding(
        'V-PLAN-3',
        'error',
        '協定書(案)にコンソーシアム体制図を含めてください。',
        'The draft must include the consortium structure diagram.',
        src,
      ),
    );
  if (plan.consortiumDraftUnsigned === false)
    out.push(
      finding(
        'V-PLAN-3',
        'warning',
        '提案時点ではドラフト（サインなし）の協定書(案)を添付します。',
        'At proposal stage the draft is attached unsigned.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.4 V-PLAN-4 / 実施計画書 3(6)＊: 設置箇所・計測精度及び頻度・データ収集・保存方法; 機器は2基準のいずれか.
/** Monitoring points: location, accuracy, frequency, data handling, and ≥1 device criterion. */
export function monitoringPointsValid(points: readonly MonitoringPoint[]): Finding[] {
  const src = 'plan-forms.md V-PLAN-4 / 実施計画書 3(6) モニタリングの実施体制';
  if (points.length === 0)
    return [
      finding(
        'V-PLAN-4',
        'error',
        'モニタリング項目を記入してください。',
        'List the monitoring points.',
        src,
      ),
    ];
  return points.flatMap((p, i) => {
    const out: Finding[] = [];
    const missing = (
      ['item', 'deviceLocation', 'accuracy', 'frequency', 'dataCollectionStorage'] as const
    ).filter((k) => blank(p[k]));
    if (missing.length > 0)
      out.push(
        finding(
          'V-PLAN-4',
          'error',
          `モニタリング項目${i + 1}に未記入の項目があります（${missing.join(', ')}）。`,
          `Monitoring point ${i + 1} lacks ${missing.join(', ')}.`,
          src,
        ),
      );
    if (p.criterion.length === 0)
      out.push(
        finding(
          'V-PLAN-4',
          'error',
          `モニタリング項目${i + 1}の機器が、交換・校正又は仕様書・公認機関証明のいずれの基準も満たしていません。`,
          `Monitoring point ${i + 1}: the device meets neither criterion (calibration, or specified/certified accuracy).`,
          src,
        ),
      );
    return out;
  });
}

// plan-forms.md §7.4 V-PLAN-5 / 実施計画書 3(7)＊: 共同事業者の資料は単なる関心表明レターではなく事業計画への合意 (reviewer judgement).
/** Co-applicant decision document (3-07) is an agreement to the plan, not a letter of interest: reviewer confirmation. */
export function coApplicantDecisionReview(confirmed: boolean | undefined): Finding[] {
  const src = 'plan-forms.md V-PLAN-5 / 実施計画書 3(7) 意思決定状況【書類番号 3-07】';
  if (confirmed === false)
    return [
      finding(
        'V-PLAN-5',
        'error',
        '共同事業者の意思決定資料が事業計画への合意になっていません（関心表明レターは不可）。',
        'The co-applicant document is not an agreement to the plan (a letter of interest is not enough).',
        src,
      ),
    ];
  if (confirmed === true) return [];
  return [
    finding(
      'V-PLAN-5',
      'info',
      '【書類番号 3-07】が事業計画（規模・性能・台数・発注先・価格・スケジュール・稼働計画）への合意であることを審査者が確認してください。',
      'Reviewer: confirm 3-07 agrees to the plan (scale, performance, units, supplier, price, schedule, operation).',
      src,
    ),
  ];
}

// plan-forms.md §7.4 V-PLAN-6 / コ・イノベーション実施計画書 3(1) 4つの【】ブロック, 評価指標と目標値を定量的に根拠を含めて.
/** Form B 3(1): all four bracketed blocks filled; ≥1 KPI, each with a target value and basis. */
export function coInnovationPlanBlocksValid(plan: Pick<ProjectPlan, 'techBlocks' | 'kpis'>): Finding[] {
  const src = 'plan-forms.md V-PLAN-6 / コ・イノベーション実施計画書 3(1) 技術及びリノベーションの内容';
  const out: Finding[] = [];
  const labels = {
    countryContext: '対象とする国・地域の概要',
    technologyAndDomesticUse: '対象とする脱炭素技術の概要及び国内における活用状況',
    renovationAndDemoPlan: 'リノベーション及び実証の計画・方法',
    commercialisationOutlook: '対象とする国・地域における事業化・普及の見込み',
  } as const;
  (Object.keys(labels) as (keyof typeof labels)[]).forEach((k) => {
    if (blank(plan.techBlocks?.[k]))
      out.push(
        finding('V-PLAN-6', 'error', `【${labels[k]}】が記入されていません。`, `Block "${k}" is empty.`, src),
      );
  });
  const kpis = plan.kpis ?? [];
  if (kpis.length === 0)
    out.push(
      finding(
        'V-PLAN-6',
        'error',
        '評価指標と目標値を1つ以上記入してください。',
        'Give at least one evaluation indicator with a target.',
        src,
      ),
    );
  kpis.forEach((k, i) => {
    if (blank(k.indicator) || blank(k.targetValue) || blank(k.basis))
      out.push(
        finding(
          'V-PLAN-6',
          'error',
          `評価指標${i + 1}の指標・目標値・根拠が不足しています。`,
          `KPI ${i + 1} needs an indicator, target value and basis.`,
          src,
        ),
      );
  });
  return out;
}

// plan-forms.md §7.4 V-PLAN-7 / コ・イノベーション実施計画書 表紙: 技術開発を行う場所と実証場所が異なる場合は両方を記載.
/** Form B: a separate development site ⇒ both addresses. */
export function devAndDemoSitesValid(
  plan: Pick<ProjectPlan, 'devSiteDiffersFromDemoSite' | 'devSiteAddress' | 'demoSiteAddress'>,
): Finding[] {
  if (!plan.devSiteDiffersFromDemoSite || (!blank(plan.devSiteAddress) && !blank(plan.demoSiteAddress)))
    return [];
  return [
    finding(
      'V-PLAN-7',
      'error',
      '技術開発を行う場所と実証場所が異なるため、両方の所在地を記載してください。',
      'The development and demonstration sites differ: give both addresses.',
      'plan-forms.md V-PLAN-7 / コ・イノベーション実施計画書 事業の主たる実施場所',
    ),
  ];
}
