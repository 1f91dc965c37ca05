import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { CalendarDate, sortParam } from './programme.primitives';

/** 月次報告 states, city-partnerships.md §6.5: returned reports are edited and resubmitted. */
export const MonthlyReportState = z.enum(['draft', 'submitted', 'returned', 'resubmitted', 'acknowledged']);
export type MonthlyReportState = z.infer<typeof MonthlyReportState>;

/** States in which the contractor still owes the report (used for "overdue"). */
export const MONTHLY_REPORT_OPEN_STATES: readonly MonthlyReportState[] = ['draft', 'returned'];

export const UpcomingItem = z.object({
  date: CalendarDate.optional(),
  kind: z.enum(['SURVEY', 'EVENT', 'INVITATION', 'WORKSHOP', 'MEETING', 'OTHER']),
  description: text({ max: 500, kind: 'multiline' }),
});

export const MonthlyReportView = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  dueDate: z.string(),
  state: MonthlyReportState,
  progressText: z.string(),
  upcoming: z.array(UpcomingItem),
  returnComment: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type MonthlyReportView = z.infer<typeof MonthlyReportView>;

/** PATCH /monthly-reports/:id: the contractor edits a draft or a returned report (about one A4 page). */
export const UpdateMonthlyReportCommand = z.object({
  id: z.uuid(),
  progressText: text({ max: 8000, kind: 'multiline', min: 0 }).optional(),
  upcoming: z.array(UpcomingItem).max(50).optional(),
});
export type UpdateMonthlyReportCommand = z.infer<typeof UpdateMonthlyReportCommand>;

export const ReturnMonthlyReportCommand = z.object({
  id: z.uuid(),
  comment: text({ max: 2000, kind: 'multiline' }),
});
export type ReturnMonthlyReportCommand = z.infer<typeof ReturnMonthlyReportCommand>;

export const ListMonthlyReportsQuery = PageQuery.extend({
  contractId: z.uuid().optional(),
  state: MonthlyReportState.optional(),
  // A boolean or its query-string form, so the gateway's parsed value parses again in the service.
  overdue: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  /** The clock for "overdue": defaults to today (UTC) as read by the service. */
  asOf: CalendarDate.optional(),
  sort: sortParam(['month', 'dueDate'] as const, 'month'),
});
export type ListMonthlyReportsQuery = z.infer<typeof ListMonthlyReportsQuery>;

export const MonthlyReportPage = pageOf(MonthlyReportView);
export type MonthlyReportPage = z.infer<typeof MonthlyReportPage>;
