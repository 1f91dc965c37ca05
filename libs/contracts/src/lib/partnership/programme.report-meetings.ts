import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { CalendarDate, sortParam } from './programme.primitives';

/** 報告会 kinds (ガイドブック 表3 ③): at contract signing (契約締結時), interim (中間報告), final (最終報告). */
export const ReportMeetingKind = z.enum(['KICKOFF', 'INTERIM', 'FINAL']);
export type ReportMeetingKind = z.infer<typeof ReportMeetingKind>;

/**
 * 報告会 states, city-partnerships.md §6.6: SCHEDULED → MATERIALS_SUBMITTED → HELD(online) → MINUTES_RECORDED →
 * (FINAL only) DELIVERABLES_REQUESTED.
 */
export const ReportMeetingState = z.enum([
  'scheduled',
  'materials_submitted',
  'held',
  'minutes_recorded',
  'deliverables_requested',
]);
export type ReportMeetingState = z.infer<typeof ReportMeetingState>;

/** A meeting counts as held (the contract may then be "reported") in these states. */
export const REPORT_MEETING_HELD_STATES: readonly ReportMeetingState[] = [
  'held',
  'minutes_recorded',
  'deliverables_requested',
];

/** The contract transition each meeting kind unlocks (§6.3 KICKOFF_REPORTED / INTERIM_REPORTED / FINAL_REPORTED). */
export const MEETING_KIND_OF_CONTRACT_ACTION = {
  'report-kickoff': 'KICKOFF',
  'report-interim': 'INTERIM',
  'report-final': 'FINAL',
} as const satisfies Record<string, ReportMeetingKind>;

/** 資料: a title and, optionally, a file reference (document store id) or a URL. */
export const MeetingMaterial = z.object({
  title: text({ max: 300, kind: 'name' }),
  fileRef: text({ max: 500, kind: 'name' }).optional(),
  url: z.url().max(2000).optional(),
});
export type MeetingMaterial = z.infer<typeof MeetingMaterial>;

export const ReportMeetingView = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  kind: ReportMeetingKind,
  state: ReportMeetingState,
  scheduledOn: z.string(),
  heldOn: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  materials: z.array(MeetingMaterial),
  minutesText: z.string().nullable(),
  minutesConfirmations: z.array(z.object({ orgId: z.uuid(), confirmedAt: z.iso.datetime() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReportMeetingView = z.infer<typeof ReportMeetingView>;

/** POST /contracts/:id/report-meetings: MOE / the secretariat (日程調整) or the contractor schedules one per kind. */
export const ScheduleReportMeetingCommand = z.object({
  contractId: z.uuid(),
  kind: ReportMeetingKind,
  scheduledOn: CalendarDate,
  onlineUrl: z.url().max(2000).optional(),
});
export type ScheduleReportMeetingCommand = z.infer<typeof ScheduleReportMeetingCommand>;

/** POST /report-meetings/:id/materials: the contractor submits (or replaces) the materials. */
export const SubmitMeetingMaterialsCommand = z.object({
  id: z.uuid(),
  materials: z.array(MeetingMaterial).min(1).max(50),
});
export type SubmitMeetingMaterialsCommand = z.infer<typeof SubmitMeetingMaterialsCommand>;

/** POST /report-meetings/:id/hold: the meeting took place (online, 表3 ③). */
export const HoldReportMeetingCommand = z.object({ id: z.uuid(), heldOn: CalendarDate });
export type HoldReportMeetingCommand = z.infer<typeof HoldReportMeetingCommand>;

/** POST /report-meetings/:id/minutes: the contractor records the minutes (議事録). */
export const RecordMeetingMinutesCommand = z.object({
  id: z.uuid(),
  minutesText: text({ max: 50_000, kind: 'multiline' }),
});
export type RecordMeetingMinutesCommand = z.infer<typeof RecordMeetingMinutesCommand>;

export const ListReportMeetingsQuery = PageQuery.extend({
  contractId: z.uuid().optional(),
  kind: ReportMeetingKind.optional(),
  state: ReportMeetingState.optional(),
  sort: sortParam(['scheduledOn', 'createdAt'] as const, 'scheduledOn'),
});
export type ListReportMeetingsQuery = z.infer<typeof ListReportMeetingsQuery>;

export const ReportMeetingPage = pageOf(ReportMeetingView);
export type ReportMeetingPage = z.infer<typeof ReportMeetingPage>;
