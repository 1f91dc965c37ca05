import { finding, type Finding } from '../shared/finding';
import type { Attachment, ScheduleMilestone } from './plan-form.schema';

export const REQUIRED_MILESTONES = [
  'ORDER',
  'MANUFACTURE',
  'TRANSPORT',
  'INSTALLATION',
  'COMMISSIONING',
  'PAYMENT_COMPLETE',
  'MONITORING_START',
] as const;

const LABEL_JA: Record<(typeof REQUIRED_MILESTONES)[number], string> = {
  ORDER: '発注',
  MANUFACTURE: '製造',
  TRANSPORT: '輸送',
  INSTALLATION: '機器据付工事',
  COMMISSIONING: '試運転',
  PAYMENT_COMPLETE: '補助対象経費の支払完了',
  MONITORING_START: 'モニタリング開始',
};

// plan-forms.md §7.10 V-SCH-1 / 実施計画書 ＜１０＞＊: 発注、製造、輸送、機器据付工事、試運転等; 支払完了; 少なくともモニタリング開始まで.
/** The schedule has every main milestone (order … monitoring start). */
export function scheduleMilestonesComplete(
  milestones: readonly Pick<ScheduleMilestone, 'type'>[],
): Finding[] {
  const present = new Set(milestones.map((m) => m.type));
  const missing = REQUIRED_MILESTONES.filter((t) => !present.has(t));
  return missing.length === 0
    ? []
    : [
        finding(
          'V-SCH-1',
          'warning',
          `事業実施スケジュールに主要マイルストーン（${missing.map((t) => LABEL_JA[t]).join('、')}）がありません。`,
          `The schedule lacks milestones: ${missing.join(', ')}.`,
          'plan-forms.md V-SCH-1 / 実施計画書 ＜１０．事業実施スケジュール＞',
        ),
      ];
}

/** Compare 'YYYY-MM' / 'YYYY-MM-DD' at the coarser precision of the two (a month contains its days). */
function compareLoose(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

function hasCycle(milestones: readonly ScheduleMilestone[]): boolean {
  const deps = new Map(milestones.map((m) => [m.id, m.dependsOn ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 'visiting') return true;
    if (s === 'done') return false;
    state.set(id, 'visiting');
    const cyclic = (deps.get(id) ?? []).some((d) => deps.has(d) && visit(d));
    state.set(id, 'done');
    return cyclic;
  };
  return milestones.some((m) => visit(m.id));
}

// plan-forms.md §7.10 V-SCH-2 / 実施計画書 ＜１０＞＊: 事業の完了は試運転及び補助対象経費の支払が完了した時点; 条件関係を整理.
/** Project completion = later of commissioning and payment; monitoring starts no earlier than commissioning; dependencies acyclic and known. */
export function scheduleConsistent(milestones: readonly ScheduleMilestone[]): {
  projectCompletion: string | null;
  findings: Finding[];
} {
  const src = 'plan-forms.md V-SCH-2 / 実施計画書 ＜１０．事業実施スケジュール＞';
  const findings: Finding[] = [];
  const latest = (type: ScheduleMilestone['type']) =>
    milestones
      .filter((m) => m.type === type)
      .map((m) => m.plannedDate)
      .sort(compareLoose)
      .at(-1);
  const commissioning = latest('COMMISSIONING');
  const payment = latest('PAYMENT_COMPLETE');
  const monitoring = milestones
    .filter((m) => m.type === 'MONITORING_START')
    .map((m) => m.plannedDate)
    .sort(compareLoose)[0];
  const projectCompletion =
    commissioning && payment ? (compareLoose(commissioning, payment) >= 0 ? commissioning : payment) : null;
  if (commissioning && monitoring && compareLoose(monitoring, commissioning) < 0) {
    findings.push(
      finding(
        'V-SCH-2',
        'error',
        `モニタリング開始（${monitoring}）が試運転（${commissioning}）より前です。`,
        `Monitoring start (${monitoring}) precedes commissioning (${commissioning}).`,
        src,
      ),
    );
  }
  const ids = new Set(milestones.map((m) => m.id));
  if (ids.size !== milestones.length)
    findings.push(
      finding(
        'V-SCH-2',
        'error',
        'マイルストーンのIDが重複しています。',
        'Milestone ids are duplicated.',
        src,
      ),
    );
  milestones.forEach((m) =>
    (m.dependsOn ?? [])
      .filter((d) => !ids.has(d))
      .forEach((d) =>
        findings.push(
          finding(
            'V-SCH-2',
            'error',
            `マイルストーン「${m.id}」の前提「${d}」が存在しません。`,
            `Milestone "${m.id}" depends on unknown "${d}".`,
            src,
          ),
        ),
      ),
  );
  if (hasCycle(milestones))
    findings.push(
      finding(
        'V-SCH-2',
        'error',
        'マイルストーンの前提条件が循環しています。',
        'Milestone dependencies form a cycle.',
        src,
      ),
    );
  return { projectCompletion, findings };
}

// plan-forms.md §7.10 V-SCH-3 / 実施計画書 ＜１０＞＊: 詳細な事業実施スケジュールを【書類番号 3-15】として添付.
/** The detailed schedule 3-15 is attached (Form A). */
export function detailedScheduleAttached(attachments: readonly Pick<Attachment, 'docRef'>[]): Finding[] {
  return attachments.some((a) => a.docRef === '3-15')
    ? []
    : [
        finding(
          'V-SCH-3',
          'error',
          '詳細な事業実施スケジュール【書類番号 3-15】を添付してください。',
          'Attach the detailed schedule (3-15).',
          'plan-forms.md V-SCH-3 / 実施計画書 ＜１０＞【書類番号 3-15】',
        ),
      ];
}
