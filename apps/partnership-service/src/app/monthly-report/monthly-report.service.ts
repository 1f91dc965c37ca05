import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canAcknowledgeMonthlyReport,
  DomainError,
  isContractor,
  ListMonthlyReportsQuery,
  MONTHLY_REPORT_OPEN_STATES,
  MonthlyReportPage,
  MonthlyReportView,
  PARTNERSHIP_EVENTS,
  RequestContext,
  ReturnMonthlyReportCommand,
  UpdateMonthlyReportCommand,
} from '@jcm/contracts';
import {
  Aggregate,
  assertState,
  Clock,
  CLOCK,
  DATA_SOURCE,
  forbidden,
  NOW,
  todayUtc,
} from '@jcm/service-kit';
import {
  contentOf,
  MONTHLY_REPORT,
  MONTHLY_REPORT_SOURCE,
  MonthlyReportRow,
  toMonthlyReportView,
  writeMonthlyReportContent,
} from './monthly-report.rows';

export { isOverdue } from './monthly-report.rows';

/** 月次報告: the contractor writes and submits; the Japanese municipality or MOE acknowledges or returns it. */
@Injectable()
export class MonthlyReportService {
  private readonly reports;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reports = new Aggregate(ds, {
      schema: 'partnership',
      source: MONTHLY_REPORT_SOURCE,
      view: (r: MonthlyReportRow) => toMonthlyReportView(r, todayUtc(this.clock)),
    });
  }

  update(ctx: RequestContext, cmd: UpdateMonthlyReportCommand): Promise<MonthlyReportView> {
    return this.reports.transition(ctx, cmd.id, async (m, r) => {
      this.assertContractor(ctx, r);
      assertState('monthly report', r.state, ['draft', 'returned'], 'edit');
      await writeMonthlyReportContent(m, r.id, contentOf(cmd, r));
      return PARTNERSHIP_EVENTS.monthlyReport.updated;
    });
  }

  submit(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return this.reports.transition(ctx, id, async (m, r) => {
      this.assertContractor(ctx, r);
      assertState('monthly report', r.state, ['draft', 'returned'], 'submit');
      if (r.contract_state === 'suspended' || r.contract_state === 'closed')
        throw new DomainError('CONFLICT', `The contract is ${r.contract_state}.`);
      if (r.progress_text.trim() === '') {
        throw new DomainError('VALIDATION_FAILED', 'A monthly report needs its progress text.', [
          { path: 'progressText', message: 'Required before submitting' },
        ]);
      }
      // A returned report comes back as resubmitted, so the reviewer sees it is a second version.
      await MONTHLY_REPORT.update(m, r.id, {
        state: r.state === 'returned' ? 'resubmitted' : 'submitted',
        submitted_at: NOW,
      });
      return PARTNERSHIP_EVENTS.monthlyReport.submitted;
    });
  }

  acknowledge(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return this.reports.transition(ctx, id, async (m, r) => {
      if (!canAcknowledgeMonthlyReport(ctx, r.municipality.orgId))
        throw forbidden('Only the Japanese municipality or MOE acknowledges a monthly report.');
      assertState('monthly report', r.state, ['submitted', 'resubmitted'], 'acknowledge');
      await MONTHLY_REPORT.update(m, r.id, { state: 'acknowledged', acknowledged_at: NOW });
      return PARTNERSHIP_EVENTS.monthlyReport.acknowledged;
    });
  }

  return(ctx: RequestContext, cmd: ReturnMonthlyReportCommand): Promise<MonthlyReportView> {
    return this.reports.transition(ctx, cmd.id, async (m, r) => {
      if (!canAcknowledgeMonthlyReport(ctx, r.municipality.orgId))
        throw forbidden('Only the Japanese municipality or MOE returns a monthly report.');
      assertState('monthly report', r.state, ['submitted', 'resubmitted'], 'return');
      await MONTHLY_REPORT.update(m, r.id, { state: 'returned', return_comment: cmd.comment });
      return PARTNERSHIP_EVENTS.monthlyReport.returned;
    });
  }

  list(ctx: RequestContext, q: ListMonthlyReportsQuery): Promise<MonthlyReportPage> {
    const today = q.asOf ?? todayUtc(this.clock);
    const view = (r: MonthlyReportRow) => toMonthlyReportView(r, today);
    return this.reports.inTransaction(ctx, undefined, async (m) => {
      const { rows, total } = await MONTHLY_REPORT_SOURCE.page(
        m,
        ctx,
        q,
        { month: 'r.month', dueDate: 'r.due_date' },
        (w) => {
          w.eq('r.contract_id', q.contractId).eq('r.state', q.state);
          if (q.overdue === undefined) return;
          const overdue = `(r.due_date < ${w.param(today)}::date AND r.state = ANY(${w.param(MONTHLY_REPORT_OPEN_STATES)}::text[]))`;
          w.and(q.overdue ? overdue : `NOT ${overdue}`);
        },
      );
      return { items: rows.map(view), total };
    });
  }

  get(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return this.reports.get(ctx, id);
  }

  private assertContractor(ctx: RequestContext, r: MonthlyReportRow): void {
    if (!isContractor(ctx, r.company.orgId))
      throw forbidden('Only the contractor company writes and submits its monthly reports.');
  }
}
