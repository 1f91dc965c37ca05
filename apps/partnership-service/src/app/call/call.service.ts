import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CALL_TRANSITION_EVENTS,
  CALL_TRANSITIONS,
  CallPage,
  CallTransitionCommand,
  CallView,
  canManageCalls,
  CreateCallCommand,
  ListCallsQuery,
  PARTNERSHIP_EVENTS,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { assertState, filters, forbidden, isoAt, notFound, pageRows } from '../programme-shared/programme-sql';

const COLUMNS = `id, fiscal_year, round, title_ja, title_en, preset_id, to_char(opens_on, 'YYYY-MM-DD') AS opens_on,
  to_char(closes_on, 'YYYY-MM-DD') AS closes_on, monthly_report_due_day, state, created_at, updated_at`;

interface CallRow {
  id: string;
  fiscal_year: number;
  round: number;
  title_ja: string;
  title_en: string;
  preset_id: string;
  opens_on: string;
  closes_on: string;
  monthly_report_due_day: number;
  state: CallView['state'];
  created_at: Date;
  updated_at: Date;
}

/** 公募: MOE / the secretariat open and move call rounds; published calls are visible to every signed-in user. */
@Injectable()
export class CallService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateCallCommand): Promise<CallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage calls.');
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const [row] = await m.query(
        `INSERT INTO partnership.call_round (fiscal_year, round, title_ja, title_en, preset_id, opens_on, closes_on, monthly_report_due_day, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [cmd.fiscalYear, cmd.round, cmd.titleJa, cmd.titleEn, cmd.presetId, cmd.opensOn, cmd.closesOn, cmd.monthlyReportDueDay, ctx.userId],
      );
      const view = toCallView(row);
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.call.created.type, view, ctx);
      return view;
    });
  }

  async transition(ctx: RequestContext, cmd: CallTransitionCommand): Promise<CallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage calls.');
    const t = CALL_TRANSITIONS[cmd.action];
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const current = await this.find(m, cmd.id, true);
      assertState('call', current.state, t.from, cmd.action);
      const [[row]] = await m.query(
        `UPDATE partnership.call_round SET state = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [cmd.id, t.to],
      );
      const view = toCallView(row);
      await appendToOutbox(m, 'partnership', CALL_TRANSITION_EVENTS[cmd.action].type, view, ctx);
      return view;
    });
  }

  async list(ctx: RequestContext, q: ListCallsQuery): Promise<CallPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const where = ['true'];
      const params: unknown[] = [];
      filters(where, params, [
        ['fiscal_year', q.fiscalYear],
        ['state', q.state],
      ]);
      const { rows, total } = await pageRows<CallRow>(m, COLUMNS, {
        from: `FROM partnership.call_round WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { createdAt: 'created_at', fiscalYear: 'fiscal_year', closesOn: 'closes_on' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toCallView), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<CallView> {
    return inTenantTransaction(this.ds, ctx, async (m) => toCallView(await this.find(m, id)));
  }

  /** RLS hides drafts from non-oversight callers, so a draft reads as not found for them. */
  async find(m: EntityManager, id: string, forUpdate = false): Promise<CallRow> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM partnership.call_round WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    if (!row) throw notFound('Call', id);
    return row;
  }
}

export function toCallView(r: CallRow): CallView {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    round: r.round,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    presetId: r.preset_id as CallView['presetId'],
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    monthlyReportDueDay: r.monthly_report_due_day,
    state: r.state,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
