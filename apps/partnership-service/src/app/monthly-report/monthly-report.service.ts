import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  canAcknowledgeMonthlyReport,
  DomainError,
  isContractor,
  ListMonthlyReportsQuery,
  MONTHLY_REPORT_OPEN_STATES,
  MonthlyReportPage,
  MonthlyReportView,
  PARTNERSHIP_EVENTS,
  PartyRef,
  RequestContext,
  ReturnMonthlyReportCommand,
  UpdateMonthlyReportCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { Clock, PROGRAMME_CLOCK, todayUtc } from '../programme-shared/clock';
import { assertState, filters, forbidden, iso, isoAt, notFound, pageRows, tenantFilter } from '../programme-shared/programme-sql';

const COLUMNS = `r.id, r.contract_id, r.month, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.state, r.progress_text, r.upcoming,
  r.return_comment, r.submitted_at, r.acknowledged_at, r.updated_at, c.company, c.municipality, c.state AS contract_state`;
const FROM = `FROM partnership.monthly_report r JOIN partnership.annual_contract c ON c.id = r.contract_id`;

interface Row {
  id: string;
  contract_id: string;
  month: string;
  due_date: string;
  state: MonthlyReportView['state'];
  progress_text: string;
  upcoming: MonthlyReportView['upcoming'];
  return_comment: string | null;
  submitted_at: Date | null;
  acknowledged_at: Date | null;
  updated_at: Date;
  company: PartyRef;
  municipality: PartyRef;
  contract_state: string;
}

/**
 * Overdue (提出遅延): still owed by the contractor and past its due date, judged against the day passed in —
 * the caller's `asOf` or the service clock, never a hidden clock in the rules.
 */
export function isOverdue(state: MonthlyReportView['state'], dueDate: string, today: string): boolean {
  return MONTHLY_REPORT_OPEN_STATES.includes(state) && dueDate < today;
}

/** 月次報告: the contractor writes and submits; the Japanese municipality or MOE acknowledges or returns it. */
@Injectable()
export class MonthlyReportService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(PROGRAMME_CLOCK) private readonly clock: Clock,
  ) {}

  async update(ctx: RequestContext, cmd: UpdateMonthlyReportCommand): Promise<MonthlyReportView> {
    return this.mutate(ctx, cmd.id, async (m, r) => {
      this.assertContractor(ctx, r);
      assertState('monthly report', r.state, ['draft', 'returned'], 'edit');
      await m.query(
        `UPDATE partnership.monthly_report SET progress_text = coalesce($2, progress_text), upcoming = coalesce($3::jsonb, upcoming), updated_at = now() WHERE id = $1`,
        [r.id, cmd.progressText ?? null, cmd.upcoming ? JSON.stringify(cmd.upcoming) : null],
      );
      return PARTNERSHIP_EVENTS.monthlyReport.updated.type;
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return this.mutate(ctx, id, async (m, r) => {
      this.assertContractor(ctx, r);
      assertState('monthly report', r.state, ['draft', 'returned'], 'submit');
      if (['suspended', 'closed'].includes(r.contract_state)) throw new DomainError('CONFLICT', `The contract is ${r.contract_state}.`);
      if (r.progress_text.trim() === '') {
        throw new DomainError('VALIDATION_FAILED', 'A monthly report needs its progress text.', [{ path: 'progressText', message: 'Required before submitting' }]);
      }
      // A returned report comes back as resubmitted, so the reviewer sees it is a second version.
      const next = r.state === 'returned' ? 'resubmitted' : 'submitted';
      await m.query(`UPDATE partnership.monthly_report SET state = $2, submitted_at = now(), updated_at = now() WHERE id = $1`, [r.id, next]);
      return PARTNERSHIP_EVENTS.monthlyReport.submitted.type;
    });
  }

  async acknowledge(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return this.mutate(ctx, id, async (m, r) => {
      if (!canAcknowledgeMonthlyReport(ctx, r.municipality.orgId)) throw forbidden('Only the Japanese municipality or MOE acknowledges a monthly report.');
      assertState('monthly report', r.state, ['submitted', 'resubmitted'], 'acknowledge');
      await m.query(`UPDATE partnership.monthly_report SET state = 'acknowledged', acknowledged_at = now(), updated_at = now() WHERE id = $1`, [r.id]);
      return PARTNERSHIP_EVENTS.monthlyReport.acknowledged.type;
    });
  }

  async return(ctx: RequestContext, cmd: ReturnMonthlyReportCommand): Promise<MonthlyReportView> {
    return this.mutate(ctx, cmd.id, async (m, r) => {
      if (!canAcknowledgeMonthlyReport(ctx, r.municipality.orgId)) throw forbidden('Only the Japanese municipality or MOE returns a monthly report.');
      assertState('monthly report', r.state, ['submitted', 'resubmitted'], 'return');
      await m.query(`UPDATE partnership.monthly_report SET state = 'returned', return_comment = $2, updated_at = now() WHERE id = $1`, [r.id, cmd.comment]);
      return PARTNERSHIP_EVENTS.monthlyReport.returned.type;
    });
  }

  async list(ctx: RequestContext, q: ListMonthlyReportsQuery): Promise<MonthlyReportPage> {
    const today = q.asOf ?? todayUtc(this.clock);
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'r', params)];
      filters(where, params, [
        ['r.contract_id', q.contractId],
        ['r.state', q.state],
      ]);
      if (q.overdue !== undefined) {
        params.push(today, MONTHLY_REPORT_OPEN_STATES);
        const cond = `(r.due_date < $${params.length - 1}::date AND r.state = ANY($${params.length}::text[]))`;
        where.push(q.overdue ? cond : `NOT ${cond}`);
      }
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { month: 'r.month', dueDate: 'r.due_date' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map((r) => toView(r, today)), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<MonthlyReportView> {
    return inTenantTransaction(this.ds, ctx, async (m) => toView(await this.find(m, ctx, id), todayUtc(this.clock)));
  }

  private assertContractor(ctx: RequestContext, r: Row): void {
    if (!isContractor(ctx, r.company.orgId)) throw forbidden('Only the contractor company writes and submits its monthly reports.');
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(
      `SELECT ${COLUMNS} ${FROM} WHERE r.id = $1 AND ${tenantFilter(ctx, 'r', params)} ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
      params,
    );
    if (!row) throw notFound('Monthly report', id);
    return row;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, r: Row) => Promise<string>): Promise<MonthlyReportView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const eventType = await work(m, await this.find(m, ctx, id, true));
      const view = toView(await this.find(m, ctx, id), todayUtc(this.clock));
      await appendToOutbox(m, 'partnership', eventType, view, ctx);
      return view;
    });
  }
}

function toView(r: Row, today: string): MonthlyReportView {
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
