import { MONTHLY_REPORT_OPEN_STATES, MonthlyReportView, UpdateMonthlyReportCommand } from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  iso,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';
import { ANNUAL_CONTRACT } from '../annual-contract/annual-contract.rows';

/** 月次報告 (partnership.monthly_report): one per month of a contract, created with it (c3pReportSchedule). */
export const MONTHLY_REPORT = defineTable(
  'partnership.monthly_report',
  {
    id: uuid().default(),
    contract_id: uuid(),
    month: text(),
    due_date: date(),
    state: text<MonthlyReportView['state']>().default(),
    progress_text: text().default(),
    upcoming: jsonb<MonthlyReportView['upcoming']>().default(),
    return_comment: text().nullable(),
    submitted_at: timestamptz().nullable(),
    acknowledged_at: timestamptz().nullable(),
    participant_org_ids: uuidArray(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/**
 * What the contractor writes (its content): every column but the ones named here. A new column is content until
 * it is excluded, so `writeMonthlyReportContent` and `contentOf` stop compiling until the new field is written.
 */
export const writeMonthlyReportContent = MONTHLY_REPORT.fullWriter(
  'id',
  'contract_id',
  'month',
  'due_date',
  'state',
  'return_comment',
  'submitted_at',
  'acknowledged_at',
  'participant_org_ids',
  'updated_at',
);
type Content = Parameters<typeof writeMonthlyReportContent>[2];

/** PATCH semantics: a field the command leaves out keeps its stored value. */
export function contentOf(cmd: UpdateMonthlyReportCommand, r: MonthlyReportRow): Content {
  return { progress_text: cmd.progressText ?? r.progress_text, upcoming: cmd.upcoming ?? r.upcoming };
}

/** A report with who may act on it (the contract's parties) and whether its contract still runs. */
export const MONTHLY_REPORT_SOURCE = defineSource({
  from: 'partnership.monthly_report r JOIN partnership.annual_contract c ON c.id = r.contract_id',
  alias: 'r',
  label: 'Monthly report',
  fields: {
    ...MONTHLY_REPORT.fields('r'),
    ...ANNUAL_CONTRACT.fields('c', ['company', 'municipality']),
    contract_state: ANNUAL_CONTRACT.field('c', 'state'),
  },
});
export type MonthlyReportRow = ReturnType<typeof MONTHLY_REPORT_SOURCE.decode>;

/**
 * Overdue (提出遅延): still owed by the contractor and past its due date, judged against the day passed in —
 * the caller's `asOf` or the service clock, never a hidden clock in the rules.
 */
export function isOverdue(state: MonthlyReportView['state'], dueDate: string, today: string): boolean {
  return MONTHLY_REPORT_OPEN_STATES.includes(state) && dueDate < today;
}

export function toMonthlyReportView(r: MonthlyReportRow, today: string): MonthlyReportView {
  return {
    id: r.id,
    contractId: r.contract_id,
    month: r.month,
    dueDate: r.due_date,
    state: r.state,
    progressText: r.progress_text,
    upcoming: r.upcoming,
    returnComment: r.return_comment,
    overdue: isOverdue(r.state, r.due_date, today),
    submittedAt: iso(r.submitted_at),
    acknowledgedAt: iso(r.acknowledged_at),
    updatedAt: isoAt(r.updated_at),
  };
}
