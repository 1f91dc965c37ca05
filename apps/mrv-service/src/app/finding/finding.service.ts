import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  FindingPage,
  FindingView,
  ListFindingsQuery,
  MRV_RPC,
  RaiseFindingCommand,
  RequestContext,
  ResolveFindingCommand,
  RespondToFindingCommand,
} from '@jcm/contracts';
import { Aggregate, Clock, CLOCK, DATA_SOURCE, forbidden } from '@jcm/service-kit';
import { MONITORING_REPORT, MONITORING_REPORT_SOURCE } from '../monitoring-report/monitoring-report.rows';
import { JCM_PROJECT_SOURCE } from '../project/project.rows';
import { FINDING, FINDING_SOURCE, toFindingView } from './finding.rows';

/**
 * 指摘事項: the assigned TPE raises CAR/CL/FAR on a validation (project) or a verification (report); a participant
 * responds; only the raising TPE resolves. A CAR on a submitted report returns it to the company for correction.
 */
@Injectable()
export class FindingService {
  private readonly findings: Aggregate<typeof FINDING_SOURCE.spec.fields, ReturnType<typeof toFindingView>>;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Built here, not as a field initializer: SWC's ES2022 class fields run before the injected parameters are set.
    this.findings = new Aggregate(this.ds, { schema: 'mrv', source: FINDING_SOURCE, view: toFindingView });
  }

  raise(ctx: RequestContext, cmd: RaiseFindingCommand): Promise<FindingView> {
    if (ctx.orgType !== 'TPE' || ctx.role === 'viewer')
      throw forbidden('Only the assigned TPE raises findings.');
    return this.findings.create(ctx, { operation: MRV_RPC.finding.raise, body: cmd }, async (m) => {
      let participants: string[];
      if (cmd.subject === 'VALIDATION') {
        const p = await JCM_PROJECT_SOURCE.find(m, ctx, cmd.subjectId, { lock: true });
        if (p.validator_org_id !== ctx.orgId)
          throw forbidden('Only the TPE validating this project raises findings on it.');
        if (p.status !== 'VALIDATION')
          throw new DomainError('CONFLICT', `A project in ${p.status} is not under validation.`);
        participants = p.participant_org_ids;
      } else {
        const r = await MONITORING_REPORT_SOURCE.find(m, ctx, cmd.subjectId, { lock: true });
        if (r.tpe_org_id !== ctx.orgId)
          throw forbidden('Only the TPE verifying this report raises findings on it.');
        if (r.status !== 'SUBMITTED' && r.status !== 'RETURNED')
          throw new DomainError('CONFLICT', `A ${r.status} report is not under verification.`);
        participants = r.participant_org_ids;
        if (cmd.kind === 'CAR' && r.status === 'SUBMITTED') {
          await MONITORING_REPORT.update(m, r.id, { status: 'RETURNED', version: r.version + 1 });
        }
      }
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(*)::int + 1 AS n FROM mrv.finding WHERE subject_id = $1 AND kind = $2`,
        [cmd.subjectId, cmd.kind],
      );
      const row = await FINDING.insert(m, {
        subject: cmd.subject,
        subject_id: cmd.subjectId,
        number: `${cmd.kind}-${String(n).padStart(2, '0')}`,
        kind: cmd.kind,
        text: cmd.text,
        parameter_id: cmd.parameterId ?? null,
        raised_by_org_id: ctx.orgId,
        participant_org_ids: participants,
      });
      return { id: row.id, outcome: null };
    });
  }

  /** The project participants answer (with evidence file ids from the file store). */
  respond(ctx: RequestContext, cmd: RespondToFindingCommand): Promise<FindingView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot respond to findings.');
    return this.findings.transition(ctx, cmd.id, async (m, f) => {
      if (f.raised_by_org_id === ctx.orgId || ctx.orgType === 'TPE')
        throw forbidden('The participants respond; the TPE resolves.');
      if (f.status === 'RESOLVED') throw new DomainError('CONFLICT', `${f.number} is already resolved.`);
      await FINDING.update(m, f.id, {
        status: 'RESPONDED',
        responses: [
          ...f.responses,
          {
            authorOrgId: ctx.orgId,
            kind: 'RESPONSE',
            text: cmd.text,
            evidenceFileIds: cmd.evidenceFileIds,
            createdAt: this.clock.now().toISOString(),
          },
        ],
      });
      return null;
    });
  }

  resolve(ctx: RequestContext, cmd: ResolveFindingCommand): Promise<FindingView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot resolve findings.');
    return this.findings.transition(ctx, cmd.id, async (m, f) => {
      if (f.raised_by_org_id !== ctx.orgId)
        throw forbidden('Only the TPE that raised the finding resolves it.');
      if (f.status === 'RESOLVED') throw new DomainError('CONFLICT', `${f.number} is already resolved.`);
      await FINDING.update(m, f.id, {
        status: 'RESOLVED',
        responses: [
          ...f.responses,
          {
            authorOrgId: ctx.orgId,
            kind: 'RESOLUTION',
            text: cmd.text,
            evidenceFileIds: [],
            createdAt: this.clock.now().toISOString(),
          },
        ],
      });
      return null;
    });
  }

  list(ctx: RequestContext, q: ListFindingsQuery): Promise<FindingPage> {
    return this.findings.list(ctx, q, { number: 'f.number', raisedAt: 'f.raised_at' }, (w) =>
      w.eq('f.subject_id', q.subjectId).eq('f.status', q.status),
    );
  }
}
