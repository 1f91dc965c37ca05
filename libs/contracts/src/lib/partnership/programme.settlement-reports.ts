import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { BudgetLine, CalendarDate, sortParam, YenAmount } from './programme.primitives';

/**
 * 精算報告 states: draft → submitted → accepted | returned (→ edit → submitted). city-partnerships.md §6.9 names the
 * inspection (会計帳票検査) UNDER_INSPECTION / ADJUSTMENT_REQUIRED; here "submitted" is under inspection and
 * "returned" is adjustment required.
 */
export const SettlementReportState = z.enum(['draft', 'submitted', 'accepted', 'returned']);
export type SettlementReportState = z.infer<typeof SettlementReportState>;

/** Reports whose amounts count as settled (精算済み・検査中) against the contract amount. */
export const SETTLEMENT_COUNTED_STATES: readonly SettlementReportState[] = ['submitted', 'accepted'];

/** One expense line (経費実績): the budget's cost categories (表5), tax excluded; 消費税 is computed by the rules. */
export const SettlementLine = BudgetLine;
export type SettlementLine = z.infer<typeof SettlementLine>;
export const SettlementLines = z.array(SettlementLine).min(1).max(500);

export const SettlementReportView = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  /** 1, 2, … per contract (about two a year, ガイドブック §2.3). */
  sequence: z.number().int().positive(),
  periodFrom: z.string(),
  periodTo: z.string(),
  state: SettlementReportState,
  lines: SettlementLines,
  subtotalExclTaxYen: YenAmount,
  consumptionTaxYen: YenAmount,
  totalInclTaxYen: YenAmount,
  /** Contract amount and what the other submitted / accepted reports of the contract settle. */
  contractAmountYen: YenAmount,
  settledElsewhereYen: YenAmount,
  returnComment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SettlementReportView = z.infer<typeof SettlementReportView>;

const period = { periodFrom: CalendarDate, periodTo: CalendarDate };
const periodInOrder = (v: { periodFrom?: string; periodTo?: string }) =>
  !v.periodFrom || !v.periodTo || v.periodFrom <= v.periodTo;
const periodIssue = { message: 'periodTo must not be before periodFrom', path: ['periodTo'] };

/** POST /contracts/:id/settlement-reports: the contractor drafts a report. */
export const CreateSettlementReportCommand = z
  .object({ contractId: z.uuid(), ...period, lines: SettlementLines })
  .refine(periodInOrder, periodIssue);
export type CreateSettlementReportCommand = z.infer<typeof CreateSettlementReportCommand>;

/** PATCH /settlement-reports/:id: edits a draft or a returned report. */
export const UpdateSettlementReportCommand = z
  .object({
    id: z.uuid(),
    periodFrom: CalendarDate.optional(),
    periodTo: CalendarDate.optional(),
    lines: SettlementLines.optional(),
  })
  .refine(periodInOrder, periodIssue);
export type UpdateSettlementReportCommand = z.infer<typeof UpdateSettlementReportCommand>;

export const ReturnSettlementReportCommand = z.object({
  id: z.uuid(),
  comment: text({ max: 2000, kind: 'multiline' }),
});
export type ReturnSettlementReportCommand = z.infer<typeof ReturnSettlementReportCommand>;

export const ListSettlementReportsQuery = PageQuery.extend({
  contractId: z.uuid().optional(),
  state: SettlementReportState.optional(),
  sort: sortParam(['sequence', 'createdAt', 'totalInclTaxYen'] as const, 'sequence'),
});
export type ListSettlementReportsQuery = z.infer<typeof ListSettlementReportsQuery>;

export const SettlementReportPage = pageOf(SettlementReportView);
export type SettlementReportPage = z.infer<typeof SettlementReportPage>;
