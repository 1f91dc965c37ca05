import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
  PARTNERSHIP_RPC,
  RequestContext,
} from '@jcm/contracts';
import { Aggregate, assertState, DATA_SOURCE, forbidden } from '@jcm/service-kit';
import { CALL_ROUND, CALL_SOURCE, toCallView } from './call.rows';

/** 公募: MOE / the secretariat open and move call rounds; published calls are visible to every signed-in user. */
@Injectable()
export class CallService {
  private readonly calls;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.calls = new Aggregate(ds, { schema: 'partnership', source: CALL_SOURCE, view: toCallView });
  }

  async create(ctx: RequestContext, cmd: CreateCallCommand): Promise<CallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage calls.');
    return this.calls.create(ctx, { operation: PARTNERSHIP_RPC.call.create, body: cmd }, async (m) => {
      const row = await CALL_ROUND.insert(m, {
        fiscal_year: cmd.fiscalYear,
        round: cmd.round,
        title_ja: cmd.titleJa,
        title_en: cmd.titleEn,
        preset_id: cmd.presetId,
        opens_on: cmd.opensOn,
        closes_on: cmd.closesOn,
        monthly_report_due_day: cmd.monthlyReportDueDay,
        created_by: ctx.userId,
      });
      return { id: row.id, outcome: PARTNERSHIP_EVENTS.call.created };
    });
  }

  async transition(ctx: RequestContext, cmd: CallTransitionCommand): Promise<CallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage calls.');
    const t = CALL_TRANSITIONS[cmd.action];
    return this.calls.transition(ctx, cmd.id, async (m, call) => {
      assertState('call', call.state, t.from, cmd.action);
      await CALL_ROUND.update(m, call.id, { state: t.to });
      return CALL_TRANSITION_EVENTS[cmd.action];
    });
  }

  list(ctx: RequestContext, q: ListCallsQuery): Promise<CallPage> {
    return this.calls.list(
      ctx,
      q,
      { createdAt: 'cr.created_at', fiscalYear: 'cr.fiscal_year', closesOn: 'cr.closes_on' },
      (w) => w.eq('cr.fiscal_year', q.fiscalYear).eq('cr.state', q.state),
    );
  }

  get(ctx: RequestContext, id: string): Promise<CallView> {
    return this.calls.get(ctx, id);
  }
}
