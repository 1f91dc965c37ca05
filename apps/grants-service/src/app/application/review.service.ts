import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import Decimal from 'decimal.js';
import {
  AdoptApplicationCommand,
  ApplicationReviewView,
  ApplicationView,
  canReviewProposals,
  DomainError,
  GRANTS_EVENTS,
  GRANTS_RPC,
  RejectApplicationCommand,
  RequestContext,
  ReturnApplicationCommand,
  ScoreApplicationCommand,
  ScreenApplicationCommand,
  seesAllRecords,
} from '@jcm/contracts';
import {
  basicScreening,
  BasicScreeningItem,
  calculateJcmSubsidy,
  evaluationScore,
  knownSimilarProjectCount,
} from '@jcm/rules';
import {
  assertState,
  bool,
  CLOCK,
  Clock,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  int,
  isoAt,
  jsonb,
  queryRows,
  textArray,
  timestamptz,
  todayUtc,
  uuid,
} from '@jcm/service-kit';
import { callPreset } from '../call/call-preset';
import { GRANT_CALL, GRANT_CALL_SOURCE, toGrantCallView } from '../call/call.rows';
import { assertVisible } from './application-access';
import { APPLICATION, APPLICATION_SOURCE } from './application.rows';
import { ApplicationService } from './application.service';
import { ReturnRecords, toReturnView } from './return-records';

const refuse = (message: string, issues: { path: string; message: string }[]) =>
  new DomainError('VALIDATION_FAILED', message, issues);

/** 審査: GEC screens (基礎審査), assigned reviewers score (評価審査), GEC returns (差戻し), adopts (採択) or rejects. */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly apps: ApplicationService,
    private readonly returns: ReturnRecords,
  ) {}

  private get agg() {
    return this.apps.applications;
  }

  private assertReviewer(ctx: RequestContext): void {
    if (!canReviewProposals(ctx)) throw forbidden('Only the secretariat (GEC) or MOE review applications.');
  }

  /** 基礎審査 (jcm-grants §3.1, R-EVAL-01): the 14 items with a note each; passed only when every item passes. */
  async screen(ctx: RequestContext, cmd: ScreenApplicationCommand): Promise<ApplicationReviewView> {
    this.assertReviewer(ctx);
    await this.agg.transition(ctx, cmd.id, async (m, row) => {
      assertState('application', row.state, ['submitted'], 'screen');
      const result = basicScreening(
        Object.fromEntries(cmd.items.map((i) => [i.item, i.pass])) as Partial<
          Record<BasicScreeningItem, boolean>
        >,
      );
      await m.query(
        `INSERT INTO grants.application_screening (application_id, items, passed, failed_items, screened_by, screened_at)
         VALUES ($1, $2::jsonb, $3, $4, $5, $6)
         ON CONFLICT (application_id) DO UPDATE SET items = EXCLUDED.items, passed = EXCLUDED.passed,
           failed_items = EXCLUDED.failed_items, screened_by = EXCLUDED.screened_by, screened_at = EXCLUDED.screened_at`,
        [row.id, JSON.stringify(cmd.items), result.passed, result.failedItems, ctx.userId, this.clock.now()],
      );
      return null;
    });
    return this.review(ctx, cmd.id);
  }

  /** 評価審査 (R-EVAL-02): a sheet per reviewer assigned to the call; anyone else is refused. */
  async score(ctx: RequestContext, cmd: ScoreApplicationCommand): Promise<ApplicationReviewView> {
    this.assertReviewer(ctx);
    await this.agg.transition(
      ctx,
      cmd.id,
      async (m, row) => {
        assertState('application', row.state, ['submitted'], 'score');
        const call = toGrantCallView(await GRANT_CALL_SOURCE.find(m, ctx, row.call_id));
        if (ctx.orgType !== 'SECRETARIAT' || !call.reviewerUserIds.includes(ctx.userId))
          throw forbidden('Only a reviewer assigned to this call scores its applications.');
        const s = evaluationScore(cmd.points, callPreset(call));
        const bad = s.findings.filter((f) => f.severity === 'error');
        if (bad.length)
          throw refuse(
            'Points outside the criteria maxima.',
            bad.map((f) => ({ path: `points.${f.message_en.split(' ')[0]}`, message: f.message_en })),
          );
        await m.query(
          `INSERT INTO grants.application_score (application_id, reviewer_user_id, points, base_score, bonus, total, comment, scored_at)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
           ON CONFLICT (application_id, reviewer_user_id) DO UPDATE SET points = EXCLUDED.points, base_score = EXCLUDED.base_score,
             bonus = EXCLUDED.bonus, total = EXCLUDED.total, comment = EXCLUDED.comment, scored_at = EXCLUDED.scored_at`,
          [
            row.id,
            ctx.userId,
            JSON.stringify(cmd.points),
            s.baseScore,
            s.bonus,
            s.total,
            cmd.comment,
            this.clock.now(),
          ],
        );
        return null;
      },
      { operation: GRANTS_RPC.application.score, body: cmd },
    );
    return this.review(ctx, cmd.id);
  }

  /** 差戻し: back to the applicant with comments per section; the submitted version stays as it was. */
  async return(ctx: RequestContext, cmd: ReturnApplicationCommand): Promise<ApplicationView> {
    this.assertReviewer(ctx);
    return this.agg.inTransaction(ctx, undefined, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, cmd.id, { lock: true });
      assertState('application', row.state, ['submitted'], 'return');
      const ret = await this.returns.open(m, row, cmd.comments, this.clock.now());
      await APPLICATION.update(m, row.id, { state: 'returned' });
      const view = await this.agg.read(m, ctx, row.id);
      await this.agg.publish(
        m,
        ctx,
        row.id,
        { event: GRANTS_EVENTS.application.returned, data: { application: view, return: ret } },
        view,
      );
      return view;
    });
  }

  /**
   * 採択 / 交付内示: after a passed screening and ≥ 2 score sheets, with a rate per technology ≤ its cap (R-FIN-01)
   * and a maximum subsidy ≤ Σ cost × rate (R-FIN-02), charged to the call budget. The call row is locked, so two
   * adoptions at once are serialised and the budget remaining can never go below zero (refused, not warned).
   */
  async adopt(ctx: RequestContext, cmd: AdoptApplicationCommand): Promise<ApplicationView> {
    this.assertReviewer(ctx);
    return this.agg.transition(
      ctx,
      cmd.id,
      async (m, row) => {
        assertState('application', row.state, ['submitted'], 'adopt');
        const [screen] = await queryRows(
          m,
          { passed: bool() },
          `SELECT passed FROM grants.application_screening WHERE application_id = $1`,
          [row.id],
        );
        if (!screen?.passed)
          throw new DomainError('CONFLICT', 'Adoption needs a passed 基礎審査 (all 14 items, R-EVAL-01).');
        const [{ n }] = await queryRows(
          m,
          { n: int() },
          `SELECT count(*)::int AS n FROM grants.application_score WHERE application_id = $1`,
          [row.id],
        );
        if (n < 2)
          throw new DomainError(
            'CONFLICT',
            `Adoption needs at least two reviewers' score sheets (${n} so far).`,
          );
        const call = await GRANT_CALL_SOURCE.find(m, ctx, row.call_id, { lock: true });
        const preset = callPreset(toGrantCallView(call));
        const techs = row.content.technologies;
        const issues: { path: string; message: string }[] = [];
        const rated = techs.map((t, i) => {
          const rate = cmd.assignedRates.find((r) => r.technologyId === t.technologyId)?.rate;
          const count = knownSimilarProjectCount(preset, t.technologyId, t.country);
          if (rate === undefined)
            issues.push({ path: 'assignedRates', message: `No rate for ${t.technologyId}` });
          if (count === undefined)
            issues.push({
              path: `technologies.${i}`,
              message: `The call has no 別添3 count for ${t.technologyId} in ${t.country}`,
            });
          return {
            technologyId: `${t.technologyId}@${t.country}`,
            eligibleCostYen: t.eligibleCostYen,
            priorSimilarProjects: count ?? 0,
            assignedRate: rate,
            annualReductionT: t.annualReductionT,
            usefulLifeYears: t.usefulLifeYears,
          };
        });
        if (issues.length)
          throw refuse('Every technology needs a rate and a known similar-project count.', issues);
        const calc = calculateJcmSubsidy({ scheme: 'REGULAR', technologies: rated }, preset);
        const capErrors = calc.findings.filter((f) => f.ruleId === 'R-FIN-01' && f.severity === 'error');
        if (capErrors.length)
          throw refuse(
            'A rate exceeds its cap.',
            capErrors.map((f) => ({ path: 'assignedRates', message: f.message_en })),
          );
        if (cmd.maxSubsidyYen > calc.maxSubsidyYen)
          throw refuse('Above Σ eligible cost × rate (R-FIN-02).', [
            { path: 'maxSubsidyYen', message: `At most ¥${calc.maxSubsidyYen}` },
          ]);
        const remaining = call.budget_yen - call.adopted_yen;
        if (cmd.maxSubsidyYen > remaining)
          throw new DomainError(
            'CONFLICT',
            `The call budget remaining is ¥${remaining}; adopting ¥${cmd.maxSubsidyYen} would overspend it.`,
          );
        await GRANT_CALL.update(m, call.id, { adopted_yen: call.adopted_yen + cmd.maxSubsidyYen });
        await APPLICATION.update(m, row.id, {
          state: 'adopted',
          decided_at: this.clock.now(),
          adopted_max_subsidy_yen: cmd.maxSubsidyYen,
          assigned_rates: cmd.assignedRates.map((r) => ({
            technologyId: r.technologyId,
            rate: new Decimal(r.rate).toFixed(),
          })),
        });
        return GRANTS_EVENTS.application.adopted;
      },
      { operation: GRANTS_RPC.application.adopt, body: cmd },
    );
  }

  /** 不採択 with the reason given to the applicant. */
  async reject(ctx: RequestContext, cmd: RejectApplicationCommand): Promise<ApplicationView> {
    this.assertReviewer(ctx);
    return this.agg.transition(ctx, cmd.id, async (m, row) => {
      assertState('application', row.state, ['submitted', 'returned'], 'reject');
      await APPLICATION.update(m, row.id, {
        state: 'rejected',
        decided_at: this.clock.now(),
        rejection_reason: cmd.reasonEn ? `${cmd.reasonJa}\n${cmd.reasonEn}` : cmd.reasonJa,
      });
      return GRANTS_EVENTS.application.rejected;
    });
  }

  /** The review record: oversight sees the screening and every sheet with the average; the applicant its returns. */
  async review(ctx: RequestContext, id: string): Promise<ApplicationReviewView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, id);
      assertVisible(ctx, row, todayUtc(this.clock));
      const returns = (await this.returns.all(m, id)).map(toReturnView);
      if (!seesAllRecords(ctx))
        return { applicationId: id, screening: null, scores: [], averageTotal: null, returns };
      const [screen] = await queryRows(
        m,
        {
          items: jsonb<ScreenApplicationCommand['items']>(),
          passed: bool(),
          failed_items: textArray(),
          screened_at: timestamptz(),
        },
        `SELECT items, passed, failed_items, screened_at FROM grants.application_screening WHERE application_id = $1`,
        [id],
      );
      const sheets = await queryRows(
        m,
        {
          reviewer_user_id: uuid(),
          points: jsonb<ScoreApplicationCommand['points']>(),
          base_score: int(),
          bonus: int(),
          total: int(),
          comment: jsonb<string>(),
          scored_at: timestamptz(),
        },
        `SELECT reviewer_user_id, points, base_score, bonus, total, to_jsonb(comment) AS comment, scored_at FROM grants.application_score WHERE application_id = $1 ORDER BY scored_at`,
        [id],
      );
      const sum = sheets.reduce((a, s) => a.plus(s.total), new Decimal(0));
      return {
        applicationId: id,
        screening: screen
          ? {
              passed: screen.passed,
              items: screen.items,
              failedItems: screen.failed_items,
              screenedAt: isoAt(screen.screened_at),
            }
          : null,
        scores: sheets.map((s) => ({
          reviewerUserId: s.reviewer_user_id,
          points: s.points,
          baseScore: s.base_score,
          bonus: s.bonus,
          total: s.total,
          comment: s.comment,
          scoredAt: isoAt(s.scored_at),
        })),
        averageTotal: sheets.length
          ? sum.div(sheets.length).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)
          : null,
        returns,
      };
    });
  }
}
