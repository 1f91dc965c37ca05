import { finding, type Finding } from '../shared/finding';
import type { Yen } from '../shared/money';

const yen = (n: number) => n.toLocaleString('en-US');

// city-partnerships.md §2.5 (精算報告 年2回程度), §2.8 (契約金額は精査後に決定), §6.9 [I]: a commissioned contract
// (委託) is paid at most its contract amount, so what the year's settlement reports settle cannot exceed it.
/** C3P-ST1: the cumulative settled amount (精算累計額, tax included) stays within the contract amount (契約金額). */
export function settledWithinContract(
  contractYen: Yen,
  settledElsewhereYen: Yen,
  thisReportYen: Yen,
): Finding[] {
  const cumulative = settledElsewhereYen + thisReportYen;
  if (cumulative <= contractYen) return [];
  return [
    finding(
      'C3P-ST1',
      'error',
      `精算累計額${yen(cumulative)}円（税込）が契約金額${yen(contractYen)}円を超えています。`,
      `Cumulative settled ¥${yen(cumulative)} incl. tax exceeds the contract amount ¥${yen(contractYen)}.`,
      'city-partnerships.md §2.5, §2.8, §6.9 / ガイドブック §2.3, §3.3(3)',
    ),
  ];
}

// city-partnerships.md §6.3 (SETTLED: 精算報告 accepted), §6.9; ガイドブック §2.3 (会計帳票の検査, 年2回程度).
/** C3P-ST2: a contract is settled only with an accepted 精算報告 and none still under inspection. */
export function settlementComplete(acceptedReports: number, reportsUnderInspection: number): Finding[] {
  if (acceptedReports > 0 && reportsUnderInspection === 0) return [];
  const none = acceptedReports === 0;
  return [
    finding(
      'C3P-ST2',
      'error',
      none ? '受理された精算報告がありません。' : '検査中の精算報告があります。',
      none ? 'No settlement report has been accepted.' : 'A settlement report is still under inspection.',
      'city-partnerships.md §2.5, §6.3 (SETTLED: 精算報告 accepted), §6.9 / ガイドブック §2.3',
    ),
  ];
}

/** The three 報告会 of a year (ガイドブック 表3 ③: 契約締結時・中間報告・最終報告). */
export type C3pReportMeetingKind = 'KICKOFF' | 'INTERIM' | 'FINAL';

const MEETING_NAMES: Record<C3pReportMeetingKind, readonly [string, string]> = {
  KICKOFF: ['契約締結時の報告会', 'kick-off report meeting'],
  INTERIM: ['中間報告会', 'interim report meeting'],
  FINAL: ['最終報告会', 'final report meeting'],
};

// city-partnerships.md §2.5 ③, §6.3, §6.6; ガイドブック 表3 ③: a "reported" milestone stands on its meeting.
/** C3P-M1: the contract reports a milestone only once its 報告会 has been held. */
export function reportMeetingHeld(kind: C3pReportMeetingKind, held: boolean): Finding[] {
  if (held) return [];
  const [ja, en] = MEETING_NAMES[kind];
  return [
    finding(
      'C3P-M1',
      'error',
      `${ja}が開催されていません。`,
      `The ${en} has not been held.`,
      'city-partnerships.md §2.5 ③, §6.3, §6.6 / ガイドブック 表3 ③',
    ),
  ];
}

// city-partnerships.md §2.5 ①, §6.3; ガイドブック 表3 ①: 成果物 (報告書・概要版・電子媒体) at the end of the contract.
/** C3P-DL1: deliverables_submitted needs every required 成果物 handed in; names the missing ones in order. */
export function requiredDeliverablesSubmitted(
  missing: readonly { titleJa: string; titleEn: string }[],
): Finding[] {
  if (missing.length === 0) return [];
  return [
    finding(
      'C3P-DL1',
      'error',
      `未提出の成果物があります: ${missing.map((d) => d.titleJa).join('、')}。`,
      `Required deliverables not yet submitted: ${missing.map((d) => d.titleEn).join(', ')}.`,
      'city-partnerships.md §2.5 ①, §6.3 / ガイドブック 表3 ①',
    ),
  ];
}
