import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApplicationCheck,
  ApplicationContent,
  ApplicationPage,
  ApplicationSaved,
  ApplicationVersionList,
  ApplicationView,
  CreateApplicationCommand,
  DelegateApplicationCommand,
  DomainError,
  GRANTS_EVENTS,
  GRANTS_RPC,
  ListApplicationsQuery,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import {
  Aggregate,
  assertState,
  CLOCK,
  Clock,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  isoAt,
  todayUtc,
} from '@jcm/service-kit';
import { GRANT_CALL_SOURCE, toGrantCallView } from '../call/call.rows';
import { applicantActor, Actor, assertVisible } from './application-access';
import { checkApplication } from './application-check';
import { diffContent, mergePatch } from './application-content';
import {
  APPLICATION,
  APPLICATION_SOURCE,
  APPLICATION_VERSION,
  ApplicationRow,
  DELEGATION,
  toApplicationView,
} from './application.rows';
import { ReturnRecords } from './return-records';

const EDITABLE = ['draft', 'returned'] as const;

/** 申請: a consortium drafts its 実施計画書 as data, saves it as it types, and submits it inside the call window. */
@Injectable()
export class ApplicationService {
  readonly applications;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly returns: ReturnRecords,
  ) {
    this.applications = new Aggregate(ds, {
      schema: 'grants',
      source: APPLICATION_SOURCE,
      view: toApplicationView,
    });
  }

  async create(ctx: RequestContext, cmd: CreateApplicationCommand): Promise<ApplicationSaved> {
    if (ctx.role === 'viewer') throw forbidden('A viewer cannot start an application.');
    if (!cmd.consortium.some((m) => m.orgId === ctx.orgId))
      throw forbidden('The applying organisation must be a consortium member.');
    const rep = cmd.consortium.filter((m) => m.role === 'REPRESENTATIVE');
    if (rep.length !== 1)
      throw new DomainError('VALIDATION_FAILED', 'Exactly one representative (代表事業者).', [
        { path: 'consortium', message: 'Exactly one REPRESENTATIVE' },
      ]);
    const now = this.clock.now();
    const view = await this.applications.create(
      ctx,
      { operation: GRANTS_RPC.application.create, body: cmd },
      async (m) => {
        const call = await GRANT_CALL_SOURCE.find(m, ctx, cmd.callId);
        assertState('call', call.state, ['published'], 'apply to');
        if (cmd.jcmLeadId) {
          const lead: unknown[] = await m.query(
            `SELECT 1 FROM grants.jcm_lead_projection WHERE lead_id = $1`,
            [cmd.jcmLeadId],
          );
          if (lead.length === 0)
            throw new DomainError('VALIDATION_FAILED', 'Unknown JCM lead.', [
              { path: 'jcmLeadId', message: 'No such JCM lead visible to you' },
            ]);
        }
        const members = [...new Set(cmd.consortium.map((c) => c.orgId))];
        const row = await APPLICATION.insert(m, {
          call_id: call.id,
          form_kind: cmd.formKind,
          form_version: call.form_version,
          content: cmd.content,
          consortium: cmd.consortium.map((c) => ({
            ...c,
            confirmedAt: c.orgId === ctx.orgId ? now.toISOString() : null,
          })),
          representative_org_id: rep[0].orgId,
          member_org_ids: members,
          ...indexed(cmd.content),
          jcm_lead_id: cmd.jcmLeadId ?? null,
          submitted_at: null,
          decided_at: null,
          adopted_max_subsidy_yen: null,
          rejection_reason: null,
          participant_org_ids: members,
        });
        await this.version(
          m,
          ctx,
          row.id,
          1,
          'created',
          cmd.content,
          [],
          { onBehalfOfOrgId: null, isRepresentative: true },
          members,
        );
        return { id: row.id, outcome: GRANTS_EVENTS.application.created };
      },
    );
    return { application: view, check: await this.check(ctx, view.id) };
  }

  /** Autosave: merge the patch, validate the whole document (400 with paths, nothing written), keep a version. */
  async save(
    ctx: RequestContext,
    cmd: { id: string; baseVersion: number; patch: Record<string, unknown> },
  ): Promise<ApplicationSaved> {
    const view = await this.applications.transition(ctx, cmd.id, async (m, row) => {
      const actor = applicantActor(ctx, row, todayUtc(this.clock));
      if (!(EDITABLE as readonly string[]).includes(row.state))
        throw new DomainError(
          'CONFLICT',
          `A ${row.state} application is frozen; it changes only after 差戻し (return).`,
        );
      if (cmd.baseVersion !== row.version)
        throw new DomainError(
          'CONFLICT',
          `Saved meanwhile as version ${row.version}; reload before saving version ${cmd.baseVersion}.`,
        );
      const parsed = ApplicationContent.safeParse(mergePatch(row.content, cmd.patch));
      if (!parsed.success) throw DomainError.validation(parsed.error, 'application');
      const changed = diffContent(row.content, parsed.data).map((c) => c.path);
      if (changed.length === 0) return null;
      await APPLICATION.update(m, row.id, {
        content: parsed.data,
        version: row.version + 1,
        ...indexed(parsed.data),
      });
      await this.version(
        m,
        ctx,
        row.id,
        row.version + 1,
        'saved',
        parsed.data,
        changed,
        actor,
        row.participant_org_ids,
      );
      return null;
    });
    return { application: view, check: await this.check(ctx, view.id) };
  }

  /** A member organisation confirms its participation in the consortium. */
  async confirm(ctx: RequestContext, id: string): Promise<ApplicationView> {
    return this.applications.transition(ctx, id, async (m, row) => {
      if (ctx.role === 'viewer' || !row.member_org_ids.includes(ctx.orgId))
        throw forbidden('Only a consortium member confirms its own participation.');
      const at = this.clock.now().toISOString();
      await APPLICATION.update(m, row.id, {
        consortium: row.consortium.map((c) =>
          c.orgId === ctx.orgId && c.confirmedAt === null ? { ...c, confirmedAt: at } : c,
        ),
      });
      return null;
    });
  }

  /** 代理申請: the representative lets another organisation file for it until an end date. */
  async delegate(ctx: RequestContext, cmd: DelegateApplicationCommand): Promise<ApplicationView> {
    return this.applications.transition(ctx, cmd.id, async (m, row) => {
      const actor = applicantActor(ctx, row, todayUtc(this.clock));
      if (!actor.isRepresentative) throw forbidden('Only the representative (代表事業者) delegates filing.');
      assertState('application', row.state, EDITABLE, 'delegate');
      if (cmd.until < todayUtc(this.clock))
        throw new DomainError('VALIDATION_FAILED', 'The delegation ends in the past.', [
          { path: 'until', message: 'Must be today or later' },
        ]);
      if (row.member_org_ids.includes(cmd.delegateOrgId))
        throw new DomainError('VALIDATION_FAILED', 'A member needs no delegation.', [
          { path: 'delegateOrgId', message: 'Already a consortium member' },
        ]);
      const participants = [...new Set([...row.participant_org_ids, cmd.delegateOrgId])];
      await DELEGATION.insert(m, {
        application_id: row.id,
        delegate_org_id: cmd.delegateOrgId,
        until: cmd.until,
        granted_by_org_id: ctx.orgId,
        revoked_at: null,
        participant_org_ids: participants,
      });
      await APPLICATION.update(m, row.id, { participant_org_ids: participants });
      await m.query(
        `UPDATE grants.application_version SET participant_org_ids = $2 WHERE application_id = $1`,
        [row.id, participants],
      );
      await m.query(
        `UPDATE grants.application_return SET participant_org_ids = $2 WHERE application_id = $1`,
        [row.id, participants],
      );
      return GRANTS_EVENTS.application.delegated;
    });
  }

  /**
   * Submits (or resubmits after 差戻し) inside the call window (R-APP-11) and only without error findings; the
   * submitted version is frozen.
   */
  async submit(ctx: RequestContext, id: string): Promise<ApplicationView> {
    const now = this.clock.now();
    const agg = this.applications;
    return agg.inTransaction(ctx, { operation: GRANTS_RPC.application.submit, body: { id } }, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, id, { lock: true });
      const actor = applicantActor(ctx, row, todayUtc(this.clock));
      assertState('application', row.state, EDITABLE, 'submit');
      const call = toGrantCallView(await GRANT_CALL_SOURCE.find(m, ctx, row.call_id));
      if (
        call.state !== 'published' ||
        now.getTime() < Date.parse(call.opensAt) ||
        now.getTime() > Date.parse(call.closesAt)
      )
        throw new DomainError(
          'CONFLICT',
          `The call is not open for submissions now (R-APP-11: ${call.opensAt} – ${call.closesAt}, ${call.state}).`,
        );
      const errors = checkApplication(call, row, now).findings.filter((f) => f.severity === 'error');
      if (errors.length > 0)
        throw new DomainError(
          'VALIDATION_FAILED',
          `${errors.length} finding(s) must be fixed before submission.`,
          errors.map((f) => ({ path: f.path, message: `${f.ruleId}: ${f.message_en}` })),
        );
      const reason = row.state === 'returned' ? 'resubmitted' : 'submitted';
      await APPLICATION.update(m, row.id, {
        state: 'submitted',
        version: row.version + 1,
        submitted_at: now,
      });
      await this.version(
        m,
        ctx,
        row.id,
        row.version + 1,
        reason,
        row.content,
        [],
        actor,
        row.participant_org_ids,
      );
      const view = await agg.read(m, ctx, id);
      if (reason === 'resubmitted') {
        const ret = await this.returns.close(m, row.id, row.version + 1, row.content, now);
        await agg.publish(
          m,
          ctx,
          id,
          { event: GRANTS_EVENTS.application.resubmitted, data: { application: view, return: ret } },
          view,
        );
      } else await agg.publish(m, ctx, id, GRANTS_EVENTS.application.submitted, view);
      return view;
    });
  }

  async get(ctx: RequestContext, id: string): Promise<ApplicationView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, id);
      assertVisible(ctx, row, todayUtc(this.clock));
      return toApplicationView(row);
    });
  }

  /** Whether the caller sees application `id` and one of its versions lists file `fileId` as an attachment. */
  async holdsFile(ctx: RequestContext, id: string, fileId: string): Promise<boolean> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, id);
      assertVisible(ctx, row, todayUtc(this.clock));
      const hits: unknown[] = await m.query(
        `SELECT 1 FROM grants.application_version v, jsonb_array_elements(v.content->'attachments') a
          WHERE v.application_id = $1 AND a->>'fileId' = $2 LIMIT 1`,
        [id, fileId],
      );
      return hits.length > 0;
    });
  }

  /** The live findings and figures of the stored draft, judged now against the call preset. */
  async check(ctx: RequestContext, id: string): Promise<ApplicationCheck> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await APPLICATION_SOURCE.find(m, ctx, id);
      assertVisible(ctx, row, todayUtc(this.clock));
      const call = toGrantCallView(await GRANT_CALL_SOURCE.find(m, 'system', row.call_id));
      return checkApplication(
        call,
        row,
        row.submitted_at && row.state !== 'draft' && row.state !== 'returned'
          ? row.submitted_at
          : this.clock.now(),
      );
    });
  }

  list(ctx: RequestContext, q: ListApplicationsQuery): Promise<ApplicationPage> {
    const today = todayUtc(this.clock);
    return this.applications.list(
      ctx,
      q,
      { createdAt: 'a.created_at', submittedAt: 'a.submitted_at', updatedAt: 'a.updated_at' },
      (w) => {
        w.eq('a.call_id', q.callId).eq('a.state', q.state);
        if (q.country) w.and((p) => `${p(q.country)}::text = ANY(a.countries)`);
        if (q.technologyId) w.and((p) => `${p(q.technologyId)}::text = ANY(a.technology_ids)`);
        // a delegate whose delegation has ended no longer lists the application
        if (!seesAllRecords(ctx))
          w.and(
            (
              p,
            ) => `(${p(ctx.orgId)}::uuid = ANY(a.member_org_ids) OR EXISTS (SELECT 1 FROM grants.application_delegation d
            WHERE d.application_id = a.id AND d.delegate_org_id = ${p(ctx.orgId)}::uuid AND d.revoked_at IS NULL AND d.until >= ${p(today)}::date))`,
          );
      },
    );
  }

  async versions(ctx: RequestContext, id: string): Promise<ApplicationVersionList> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      assertVisible(ctx, await APPLICATION_SOURCE.find(m, ctx, id), todayUtc(this.clock));
      const rows: {
        version: number;
        reason: ApplicationVersionList['items'][number]['reason'];
        changed_paths: string[];
        actor_org_id: string;
        on_behalf_of_org_id: string | null;
        saved_at: Date;
      }[] = await m.query(
        `SELECT version, reason, changed_paths, actor_org_id, on_behalf_of_org_id, saved_at FROM grants.application_version WHERE application_id = $1 ORDER BY version`,
        [id],
      );
      return {
        items: rows.map((r) => ({
          version: r.version,
          reason: r.reason,
          changedPaths: r.changed_paths,
          actorOrgId: r.actor_org_id,
          onBehalfOfOrgId: r.on_behalf_of_org_id,
          savedAt: isoAt(r.saved_at),
        })),
      };
    });
  }

  private async version(
    m: EntityManager,
    ctx: RequestContext,
    applicationId: string,
    version: number,
    reason: 'created' | 'saved' | 'submitted' | 'resubmitted',
    content: ApplicationContent,
    changed: string[],
    actor: Actor,
    participants: string[],
  ): Promise<void> {
    await APPLICATION_VERSION.insert(m, {
      application_id: applicationId,
      version,
      reason,
      content,
      changed_paths: changed,
      actor_org_id: ctx.orgId,
      actor_user_id: ctx.userId,
      on_behalf_of_org_id: actor.onBehalfOfOrgId,
      participant_org_ids: participants,
    });
  }
}

/** The columns the review queue filters on (country, technology), kept in step with the document. */
function indexed(c: ApplicationContent): { countries: string[]; technology_ids: string[] } {
  return {
    countries: [...new Set(c.technologies.map((t) => t.country))],
    technology_ids: [...new Set(c.technologies.map((t) => t.technologyId))],
  };
}

export type { ApplicationRow };
