import { finding, type Finding } from '../shared/finding';
import { fiscalYearEnd, fiscalYearOf } from '../shared/fiscal-year';
import { isGap } from '../shared/gap';
import {
  addMonths,
  compareDates,
  daysInMonth,
  parseIsoDate,
  toIsoDate,
  type IsoDate,
} from '../shared/iso-date';
import type { C3pCallPreset } from './c3p-preset';

export interface MonthlyReportDue {
  readonly month: string; // 'YYYY-MM' reported on
  readonly dueDate: IsoDate | null;
}

export interface ScheduledItem {
  readonly kind: 'KICKOFF' | 'INTERIM' | 'FINAL' | 'SETTLEMENT';
  readonly date: IsoDate | null;
}

export interface C3pScheduleInput {
  readonly contractDate: IsoDate;
  /** Single-year contracts end at the fiscal-year end unless stated (city-partnerships.md §6.3 [I]). */
  readonly contractEndDate?: IsoDate;
  /** Day of the following month a monthly report is due (月次報告の提出日); overrides the preset. */
  readonly monthlyReportDueDay?: number;
  readonly interimMeetingDate?: IsoDate;
  readonly finalMeetingDate?: IsoDate;
  readonly settlementDates?: readonly IsoDate[];
}

// city-partnerships.md §2.5 ②③, §6.3–§6.9 / ガイドブック 表3, §2.3: 月次報告, 報告会 年3回程度, 精算報告 年2回程度.
/** Reporting schedule of one contract year (単年度契約の報告スケジュール). Dates are parameters, never the clock. */
export function c3pReportSchedule(
  input: C3pScheduleInput,
  preset: C3pCallPreset,
): {
  monthlyReports: MonthlyReportDue[];
  meetings: ScheduledItem[];
  settlements: ScheduledItem[];
  findings: Finding[];
} {
  const findings: Finding[] = [];
  const end = input.contractEndDate ?? fiscalYearEnd(fiscalYearOf(input.contractDate));
  if (compareDates(end, input.contractDate) < 0) throw new RangeError('contract ends before it starts');
  const dueDay =
    input.monthlyReportDueDay ?? (isGap(preset.monthlyReportDueDay) ? undefined : preset.monthlyReportDueDay);
  if (dueDay === undefined && isGap(preset.monthlyReportDueDay)) {
    findings.push(
      finding(
        'C3P-R1',
        'info',
        '月次報告の提出日は資料に記載がないため、提出日を指定してください。',
        'The monthly-report due day is not in the documents; pass one to get due dates.',
        preset.monthlyReportDueDay.source,
      ),
    );
  }
  if (dueDay !== undefined && (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31))
    throw new RangeError('due day must be 1–31');
  const monthlyReports: MonthlyReportDue[] = [];
  const start = parseIsoDate(input.contractDate);
  for (
    let cursor = toIsoDate(start.year, start.month, 1);
    compareDates(cursor, end) <= 0;
    cursor = addMonths(cursor, 1)
  ) {
    const next = parseIsoDate(addMonths(cursor, 1));
    monthlyReports.push({
      month: cursor.slice(0, 7),
      // A due day past the month's end (e.g. 31 in February) is clamped to the last day.
      dueDate:
        dueDay === undefined
          ? null
          : toIsoDate(next.year, next.month, Math.min(dueDay, daysInMonth(next.year, next.month))),
    });
  }
  const meetings: ScheduledItem[] = [
    { kind: 'KICKOFF', date: input.contractDate },
    { kind: 'INTERIM', date: input.interimMeetingDate ?? null },
    { kind: 'FINAL', date: input.finalMeetingDate ?? null },
  ];
  const settlementDates = input.settlementDates ?? [];
  const settlements: ScheduledItem[] = Array.from(
    { length: Math.max(preset.settlementReportsPerYear, settlementDates.length) },
    (_, i) => ({
      kind: 'SETTLEMENT' as const,
      date: settlementDates[i] ?? null,
    }),
  );
  if (meetings.some((m) => m.date === null) || settlements.some((s) => s.date === null)) {
    findings.push(
      finding(
        'C3P-R2',
        'info',
        '中間・最終報告会と精算報告の時期は資料に記載がありません。',
        'Interim/final meetings and settlement reports have no dates in the documents.',
        preset.meetingAndSettlementDates.source,
      ),
    );
  }
  for (const d of [input.interimMeetingDate, input.finalMeetingDate, ...settlementDates]) {
    if (d && (compareDates(d, input.contractDate) < 0 || compareDates(d, end) > 0)) {
      findings.push(
        finding(
          'C3P-R3',
          'error',
          `${d}は契約期間外です。`,
          `${d} is outside the contract period.`,
          'city-partnerships.md §6.3',
        ),
      );
    }
  }
  return { monthlyReports, meetings, settlements, findings };
}
