import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AssignReviewersCommand,
  canManageCalls,
  CreateGrantCallCommand,
  GRANT_CALL_TRANSITIONS,
  GrantCallPage,
  GrantCallTransitionCommand,
  GrantCallView,
  GRANTS_EVENTS,
  GRANTS_RPC,
  ListGrantCallsQuery,
  PublicGrantCallList,
  RequestContext,
} from '@jcm/contracts';
import {
  Aggregate,
  assertState,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  isoAt,
  queryRows,
  text,
  textArray,
  timestamptz,
} from '@jcm/service-kit';
import { GRANT_CALL, GRANT_CALL_SOURCE, toGrantCallView } from './call.rows';

const EVENT_OF = { publish: GRANTS_EVENTS.call.published, close: GRANTS_EVENTS.call.closed } as const;

/** 公募: GEC (the secretariat) and MOE create, publish and close JCM calls; published calls are public. */
@Injectable()
export class GrantCallService {
  readonly calls;

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {
    this.calls = new Aggregate(ds, { schema: 'grants', source: GRANT_CALL_SOURCE, view: toGrantCallView });
  }

  async create(ctx: RequestContext, cmd: CreateGrantCallCommand): Promise<GrantCallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage JCM calls.');
    return this.calls.create(ctx, { operation: GRANTS_RPC.call.create, body: cmd }, async (m) => {
      const row = await GRANT_CALL.insert(m, {
        fiscal_year: cmd.fiscalYear,
        title_ja: cmd.titleJa,
        title_en: cmd.titleEn,
        preset_id: cmd.presetId,
        overrides: cmd.overrides,
        opens_at: new Date(cmd.opensAt),
        closes_at: new Date(cmd.closesAt),
        first_batch_received_by: cmd.firstBatchReceivedBy ?? null,
        budget_yen: cmd.budgetYen,
        reviewer_user_ids: cmd.reviewerUserIds,
        created_by: ctx.userId,
      });
      return { id: row.id, outcome: GRANTS_EVENTS.call.created };
    });
  }

  async transition(ctx: RequestContext, cmd: GrantCallTransitionCommand): Promise<GrantCallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat manage JCM calls.');
    const t = GRANT_CALL_TRANSITIONS[cmd.action];
    return this.calls.transition(ctx, cmd.id, async (m, call) => {
      assertState('call', call.state, t.from, cmd.action);
      await GRANT_CALL.update(m, call.id, { state: t.to });
      return EVENT_OF[cmd.action];
    });
  }

  async assignReviewers(ctx: RequestContext, cmd: AssignReviewersCommand): Promise<GrantCallView> {
    if (!canManageCalls(ctx)) throw forbidden('Only MOE or the secretariat assign reviewers.');
    return this.calls.transition(ctx, cmd.id, async (m, call) => {
      await GRANT_CALL.update(m, call.id, { reviewer_user_ids: [...new Set(cmd.reviewerUserIds)] });
      return null;
    });
  }

  list(ctx: RequestContext, q: ListGrantCallsQuery): Promise<GrantCallPage> {
    return this.calls.list(
      ctx,
      q,
      { createdAt: 'gc.created_at', closesAt: 'gc.closes_at', fiscalYear: 'gc.fiscal_year' },
      (w) => w.eq('gc.fiscal_year', q.fiscalYear).eq('gc.state', q.state),
    );
  }

  get(ctx: RequestContext, id: string): Promise<GrantCallView> {
    return this.calls.get(ctx, id);
  }

  /**
   * The public page (no sign-in): published and closed calls, each with its adopted projects (採択案件一覧,
   * jcm-grants §3.4: title, representative, countries — never amounts under review or drafts).
   */
  publicList(): Promise<PublicGrantCallList> {
    return inTenantTransaction(this.ds, 'system', async (m) => {
      const calls = await GRANT_CALL_SOURCE.all(
        m,
        'system',
        (w) => w.and(`gc.state <> 'draft'`),
        'gc.closes_at DESC',
      );
      const adopted = await queryRows(
        m,
        {
          call_id: text(),
          title_ja: text(),
          title_en: text(),
          representative_ja: text(),
          countries: textArray(),
          decided_at: timestamptz(),
        },
        `SELECT a.call_id::text AS call_id, coalesce(a.content #>> '{form,titleJa}', '') AS title_ja,
                coalesce(a.content #>> '{form,titleEn}', '') AS title_en,
                (SELECT e->>'nameJa' FROM jsonb_array_elements(a.consortium) e WHERE e->>'role' = 'REPRESENTATIVE' LIMIT 1) AS representative_ja,
                a.countries, a.decided_at
           FROM grants.application a WHERE a.state = 'adopted' ORDER BY a.decided_at`,
      );
      return {
        items: calls.map((c) => ({
          id: c.id,
          fiscalYear: c.fiscal_year,
          titleJa: c.title_ja,
          titleEn: c.title_en,
          opensAt: isoAt(c.opens_at),
          closesAt: isoAt(c.closes_at),
          state: c.state,
          adopted: adopted
            .filter((a) => a.call_id === c.id)
            .map((a) => ({
              titleJa: a.title_ja,
              titleEn: a.title_en,
              representativeJa: a.representative_ja ?? '',
              countries: a.countries,
              adoptedOn: isoAt(a.decided_at).slice(0, 10),
            })),
        })),
      };
    });
  }
}
