import { finding, type Finding } from '../shared/finding';
import { dateInFiscalYear, fiscalYearOf } from '../shared/fiscal-year';
import { addDays, addYears, compareDates, minDate, parseIsoDate, type IsoDate } from '../shared/iso-date';
import type { CompletionDeadlineType, JcmSubsidyPreset } from './jcm-subsidy-preset';

// jcm-grants.md §8 R-SCH-04 / 公募要領 3.(5): 遅くとも交付内示後30日以内に交付申請書を完成.
/** 交付申請 target date (内示 + 30 days). */
export function grantApplicationDeadline(naijiDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  return addDays(naijiDate, preset.deadlines.grantApplicationDaysAfterNaiji);
}

// jcm-grants.md §8 R-SCH-04 / 公募要領 3.(5): 内示を通知した日から60日を経過した後は内示を取り消すことがある.
/** Last day before the 内示 may be cancelled (内示 + 60 days). */
export function naijiCancellableAfter(naijiDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  return addDays(naijiDate, preset.deadlines.naijiCancellableAfterDays);
}

// jcm-grants.md §8 R-SCH-03 / 公募要領 4.(6)②: その日から起算して30日を経過した日又は完了年度の3月10日のいずれか早い日.
/** 完了実績報告書 due date = min(completion + 30 days, 10 March of the completion FY). */
export function completionReportDeadline(completionDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  const [m, d] = preset.deadlines.completionReportLatestMonthDay;
  return minDate(
    addDays(completionDate, preset.deadlines.completionReportDays),
    dateInFiscalYear(fiscalYearOf(completionDate), m, d),
  );
}

// jcm-grants.md §8 R-SCH-02 / 公募要領 4.(6)①: 国の会計年度が終了したときは翌年度4月10日までに年度終了実績報告書.
/** 年度終了実績報告書 due date for a fiscal year. */
export function fiscalYearEndReportDeadline(fiscalYear: number, preset: JcmSubsidyPreset): IsoDate {
  const [m, d] = preset.deadlines.fyEndReportMonthDay;
  return dateInFiscalYear(fiscalYear + 1, m, d);
}

// jcm-grants.md §8 R-SCH-05 / 公募要領 4.(7): 請求を受けた会計年度の翌年度の4月30日までに支払.
/** Center's payment deadline for a payment request received on a date. */
export function paymentDeadline(requestReceived: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  const [m, d] = preset.deadlines.paymentMonthDay;
  return dateInFiscalYear(fiscalYearOf(requestReceived) + 1, m, d);
}

// jcm-grants.md §8 R-POST-01 / 公募要領 2.(1)①: 登録申請は原則として補助事業の完了した日から1年以内.
/** JCM registration request deadline (in principle). */
export function registrationDeadline(completionDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  return addYears(completionDate, preset.deadlines.registrationYearsAfterCompletion);
}

// jcm-grants.md §8 R-POST-03 / 公募要領 2.(1)③: 初回のクレジット発行申請は原則として登録されてから1年以内.
/** First credit issuance request deadline. */
export function firstIssuanceDeadline(registrationDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  return addYears(registrationDate, preset.deadlines.firstIssuanceYearsAfterRegistration);
}

// jcm-grants.md §8 R-POST-03 / 公募要領 2.(1)③: 法定耐用年数満了後は1年以内; 満了が2031年以降なら2021〜2030年分は2031年中.
/** Final issuance deadline, plus the 2021–2030 vintage window when the useful life ends in 2031 or later. */
export function finalIssuanceDeadlines(
  usefulLifeEnd: IsoDate,
  preset: JcmSubsidyPreset,
): { finalRequestBy: IsoDate; vintage2021to2030Window: { from: IsoDate; to: IsoDate } | null } {
  const finalRequestBy = addYears(usefulLifeEnd, preset.deadlines.finalIssuanceYearsAfterUsefulLife);
  const vintage2021to2030Window =
    parseIsoDate(usefulLifeEnd).year >= 2031 ? { from: '2031-01-01', to: '2031-12-31' } : null;
  return { finalRequestBy, vintage2021to2030Window };
}

// jcm-grants.md §8 R-POST-08 / 公募要領 4.(5): 帳簿及び証拠書類は補助事業完了後5年間保管.
/** Books must be kept until this date. */
export function booksRetentionUntil(completionDate: IsoDate, preset: JcmSubsidyPreset): IsoDate {
  return addYears(completionDate, preset.deadlines.booksRetentionYears);
}

// jcm-grants.md §8 R-SCH-01 / 公募要領 1.(9) スケジュール: 単年度・2か年度は2月末, 3か年度は2024-01-31.
/** Project completion deadline by project type, with a finding when a completion date is late. */
export function projectCompletionDeadline(
  type: CompletionDeadlineType,
  preset: JcmSubsidyPreset,
  completionDate?: IsoDate,
): { deadline: IsoDate; findings: Finding[] } {
  const deadline = preset.deadlines.projectCompletion[type];
  const findings: Finding[] = [];
  if (completionDate && compareDates(completionDate, deadline) > 0) {
    findings.push(
      finding(
        'R-SCH-01',
        'error',
        `完了日${completionDate}が事業完了期限${deadline}を過ぎています。`,
        `Completion ${completionDate} is after the project deadline ${deadline}.`,
        'jcm-grants.md §8 R-SCH-01 / 公募要領 1.(9)',
      ),
    );
  }
  return { deadline, findings };
}

// city-partnerships.md §7.5 J10 / 環境インフラ海外展開 資料(seeds/000) JCM設備補助事業: 交付決定後3年以内に完工.
/** Completion deadline "within N years of the grant decision" = decision + N years − 1 day. */
export function completionWithinYearsDeadline(grantDecisionDate: IsoDate, years: number): IsoDate {
  return addDays(addYears(grantDecisionDate, years), -1);
}

// jcm-grants.md §8 R-APP-11 / 公募要領 3.(2): 令和3年10月29日(金)正午必着; 予算到達で終了.
/** Whether a submission received at an instant (ISO with offset) is inside the call window. */
export function submissionWithinCallWindow(receivedAt: string, preset: JcmSubsidyPreset): Finding[] {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received)) throw new RangeError(`not an ISO instant: ${receivedAt}`);
  if (received <= Date.parse(preset.deadlines.callClosesAt)) return [];
  return [
    finding(
      'R-APP-11',
      'error',
      '公募締切（令和3年10月29日正午必着）を過ぎて到着しました。',
      'Received after the call closed (2021-10-29 12:00 JST).',
      'jcm-grants.md §8 R-APP-11 / 公募要領 3.(2)',
    ),
  ];
}

// jcm-grants.md §5.1 / 公募要領 3.(2): 5月10日（月）までに受け付けたものを一次採択分として審査.
/** Whether a proposal received on a date falls in the first review batch. */
export function inFirstReviewBatch(receivedDate: IsoDate, preset: JcmSubsidyPreset): boolean {
  return compareDates(receivedDate, preset.deadlines.firstBatchReceivedBy) <= 0;
}
