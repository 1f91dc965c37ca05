import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AssignTpeCommand,
  CreateMonitoringReportCommand,
  DomainError,
  GetByIdQuery,
  ListMonitoringReportsQuery,
  MonitoringReportIdCommand,
  MonitoringReportPage,
  MonitoringReportTraceView,
  MonitoringReportView,
  MRV_EVENTS,
  MRV_RPC,
  RequestContext,
  RerunView,
  UpdateMonitoringReportCommand,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { type Methodology, rerunReportCalculation } from '@jcm/rules';
import { Aggregate, Clock, CLOCK, DATA_SOURCE, forbidden, isPgError, todayUtc } from '@jcm/service-kit';
import { assertNoOpenCorrections } from '../finding/open-corrections';
import { MethodologyService } from '../methodology/methodology.service';
import { JCM_PROJECT, JCM_PROJECT_SOURCE, JcmProjectRow } from '../project/project.rows';
import { ProjectService } from '../project/project.service';
import {
  MONITORING_REPORT,
  MONITORING_REPORT_SOURCE,
  MonitoringReportRow,
  toMonitoringReportView,
} from './monitoring-report.rows';
import { calculateReport, ReportCalculation, sha256Hex } from './report-calculation';

const EDITABLE = ['DRAFT', 'RETURNED'] as const;

/**
 * モニタリング報告書: the company enters the period's values (every save is checked and calculated by the engine and
 * the trace stored), submits, assigns an accredited TPE; the TPE raises findings and verifies the exact calculation
 * it read (hash + byte-identical re-run). Verification writes `mrv.monitoring-report.verified` to the outbox in the
 * same transaction; credits-service turns it into one pending issuance.
 */
@Injectable()
export class MonitoringReportService {
  readonly reports: Aggregate<
    typeof MONITORING_REPORT_SOURCE.spec.fields,
    ReturnType<typeof toMonitoringReportView>
  >;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly methodologies: MethodologyService,
    private readonly projects: ProjectService,
  ) {
    // Built here, not as a field initializer: SWC's ES2022 class fields run before the injected parameters are set.
    this.reports = new Aggregate(this.ds, {
      schema: 'mrv',
      source: MONITORING_REPORT_SOURCE,
      view: toMonitoringReportView,
    });
  }

  async create(ctx: RequestContext, cmd: CreateMonitoringReportCommand): Promise<MonitoringReportView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot write monitoring reports.');
    return this.periodOnce(cmd.period, () =>
      this.reports.create(ctx, { operation: MRV_RPC.monitoringReport.create, body: cmd }, async (m) => {
        const project = await JCM_PROJECT_SOURCE.find(m, ctx, cmd.projectId);
        this.projects.assertCompany(ctx, project);
        if (project.status !== 'VALIDATED' && project.status !== 'REGISTERED') {
          throw new DomainError(
            'CONFLICT',
            `Monitoring starts once the project is validated (this one is ${project.status}).`,
          );
        }
        const calc = await calculateReport(
          m,
          this.methodologies,
          project,
          cmd.period,
          cmd.technologies,
          null,
        );
        const row = await MONITORING_REPORT.insert(m, {
          project_id: project.id,
          project_reference: project.project_reference,
          monitoring_start: cmd.period.start,
          monitoring_end: cmd.period.end,
          status: 'DRAFT',
          company_org_id: ctx.orgId,
          technologies: cmd.technologies,
          ...calcColumns(calc),
          participant_org_ids: project.consortium_org_ids,
          created_by: ctx.userId,
        });
        return { id: row.id, outcome: null };
      }),
    );
  }

  /** The company edits its own DRAFT (or RETURNED) report; the checks and the stored calculation follow the values. */
  update(ctx: RequestContext, cmd: UpdateMonitoringReportCommand): Promise<MonitoringReportView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot write monitoring reports.');
    return this.reports.transition(ctx, cmd.id, async (m, r) => {
      const project = await this.companyProject(m, ctx, r);
      if (!(EDITABLE as readonly string[]).includes(r.status))
        throw new DomainError('CONFLICT', `A ${r.status} report cannot be edited.`);
      if (cmd.version !== undefined && cmd.version !== r.version) {
        throw new DomainError(
          'CONFLICT',
          `The report changed since version ${cmd.version} (now ${r.version}); reload it.`,
          [{ path: 'version', message: 'Stale version' }],
        );
      }
      const period = cmd.period ?? { start: r.monitoring_start, end: r.monitoring_end };
      const calc = await calculateReport(m, this.methodologies, project, period, cmd.technologies, r.id);
      await this.periodOnce(period, () =>
        MONITORING_REPORT.update(m, r.id, {
          monitoring_start: period.start,
          monitoring_end: period.end,
          technologies: cmd.technologies,
          ...calcColumns(calc),
          version: r.version + 1,
        }),
      );
      return null;
    });
  }

  /** Only a report the engine accepts (no issue) is submitted; its stored calculation is what the TPE verifies. */
  submit(ctx: RequestContext, cmd: MonitoringReportIdCommand): Promise<MonitoringReportView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot submit monitoring reports.');
    return this.reports.transition(
      ctx,
      cmd.id,
      async (m, r) => {
        await this.companyProject(m, ctx, r);
        if (!(EDITABLE as readonly string[]).includes(r.status))
          throw new DomainError('CONFLICT', `A ${r.status} report cannot be submitted.`);
        if (r.issues.length > 0 || !r.canonical_trace) {
          throw new DomainError(
            'RULE_VIOLATION',
            'The report has unresolved data issues.',
            r.issues.map((i) => ({ path: i.path, message: i.message })),
          );
        }
        await MONITORING_REPORT.update(m, r.id, {
          status: 'SUBMITTED',
          submitted_at: this.clock.now(),
          version: r.version + 1,
        });
        return null;
      },
      { operation: MRV_RPC.monitoringReport.submit, body: cmd },
    );
  }

  /** The company assigns a TPE accredited for the methodologies' scopes; the TPE then sees the report and project. */
  assignVerifier(ctx: RequestContext, cmd: AssignTpeCommand): Promise<MonitoringReportView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot assign a verifier.');
    return this.reports.transition(ctx, cmd.id, async (m, r) => {
      const project = await this.companyProject(m, ctx, r);
      if (r.status === 'VERIFIED' || r.status === 'REFUSED')
        throw new DomainError('CONFLICT', `A ${r.status} report keeps its verifier.`);
      const scopes: number[] = [];
      for (const t of project.technologies) {
        const md = await this.methodologies.publishedMethodology(m, t.methodologyId, t.methodologyVersion);
        if (md) scopes.push(md.sectoralScope);
      }
      await this.methodologies.assertAccredited(m, cmd.tpeOrgId, scopes, todayUtc(this.clock));
      const keep = r.participant_org_ids.filter(
        (o) => o !== r.tpe_org_id || project.consortium_org_ids.includes(o),
      );
      await MONITORING_REPORT.update(m, r.id, {
        tpe_org_id: cmd.tpeOrgId,
        participant_org_ids: [...new Set([...keep, cmd.tpeOrgId])],
        version: r.version + 1,
      });
      if (!project.participant_org_ids.includes(cmd.tpeOrgId)) {
        await JCM_PROJECT.update(m, project.id, {
          participant_org_ids: [...project.participant_org_ids, cmd.tpeOrgId],
        });
      }
      return null;
    });
  }

  /**
   * The assigned TPE's opinion on the calculation it read: the hash must be the report's current one, the stored
   * trace must re-run byte for byte, and every CAR/CL must be resolved. POSITIVE/QUALIFIED → VERIFIED + event.
   */
  verify(ctx: RequestContext, cmd: VerifyMonitoringReportCommand): Promise<MonitoringReportView> {
    if (ctx.orgType !== 'TPE' || ctx.role === 'viewer')
      throw forbidden('Only a third-party entity (TPE) verifies monitoring reports.');
    return this.reports.transition(
      ctx,
      cmd.id,
      async (m, r) => {
        if (r.tpe_org_id !== ctx.orgId) throw forbidden('Only the TPE assigned to this report verifies it.');
        if (r.status !== 'SUBMITTED')
          throw new DomainError('CONFLICT', `A ${r.status} report cannot be verified.`);
        if (cmd.verificationDate < r.monitoring_end) {
          throw new DomainError('VALIDATION_FAILED', 'Verification follows the monitoring period.', [
            { path: 'verificationDate', message: 'Before the end of the period' },
          ]);
        }
        if (r.calculation_sha256 !== cmd.calculationSha256) {
          throw new DomainError('CONFLICT', 'The report was recalculated since you read it.', [
            { path: 'calculationSha256', message: `Current calculation is ${r.calculation_sha256}` },
          ]);
        }
        const rerun = await this.rerunRow(m, r);
        if (!rerun.identical)
          throw new DomainError(
            'CONFLICT',
            `The stored calculation does not re-run identically (${rerun.reason}, offset ${rerun.firstDifferenceAt ?? '-'}).`,
          );
        await assertNoOpenCorrections(m, r.id);
        const positive = cmd.opinion !== 'ADVERSE';
        const er = r.total_er_t ?? '0';
        if (positive && !/^[1-9]\d*$/.test(er))
          throw new DomainError('RULE_VIOLATION', 'No emission reductions to verify in this period.');
        await MONITORING_REPORT.update(m, r.id, {
          status: positive ? 'VERIFIED' : 'REFUSED',
          verification_opinion: cmd.opinion,
          verification_statement: cmd.statement,
          verification_date: cmd.verificationDate,
          verification_report_ref: cmd.verificationReportRef,
          verified_emission_reductions: positive ? er : null,
          version: r.version + 1,
        });
        if (!positive) return null;
        const project = r.project_id
          ? await JCM_PROJECT_SOURCE.first(m, 'system', (w) => w.eq('p.id', r.project_id))
          : undefined;
        return {
          event: MRV_EVENTS.monitoringReport.verified,
          data: {
            reportId: r.id,
            projectReference: r.project_reference,
            monitoringPeriod: { start: r.monitoring_start, end: r.monitoring_end },
            verifiedEmissionReductions: er,
            tpeOrgId: ctx.orgId,
            verificationDate: cmd.verificationDate,
            projectId: r.project_id ?? undefined,
            grantId: project?.grant_id ?? null,
            calculationSha256: cmd.calculationSha256,
          },
        };
      },
      { operation: MRV_RPC.monitoringReport.verify, body: cmd },
    );
  }

  /** Re-run the stored calculation (再計算) and compare bytes: the audit of any report, at any time. */
  rerun(ctx: RequestContext, q: GetByIdQuery): Promise<RerunView> {
    return this.reports.inTransaction(ctx, undefined, async (m) =>
      this.rerunRow(m, await MONITORING_REPORT_SOURCE.find(m, ctx, q.id)),
    );
  }

  /** Report → project → grant: the MRV part of a credit's trace (the gateway adds the credits and partnership parts). */
  trace(ctx: RequestContext, q: GetByIdQuery): Promise<MonitoringReportTraceView> {
    return this.reports.inTransaction(ctx, undefined, async (m) => {
      const r = await MONITORING_REPORT_SOURCE.find(m, ctx, q.id);
      const p = r.project_id
        ? await JCM_PROJECT_SOURCE.first(m, 'system', (w) => w.eq('p.id', r.project_id))
        : undefined;
      return {
        report: {
          id: r.id,
          monitoringPeriod: { start: r.monitoring_start, end: r.monitoring_end },
          verifiedEmissionReductions: r.verified_emission_reductions,
          verificationDate: r.verification_date,
          tpeOrgId: r.tpe_org_id,
          calculationSha256: r.calculation_sha256,
          methodologies: r.methodologies,
        },
        project: p
          ? {
              id: p.id,
              projectReference: p.project_reference,
              titleJa: p.title_ja,
              titleEn: p.title_en,
              hostCountry: p.host_country,
              status: p.status,
              registeredOn: p.registered_on,
            }
          : null,
        grantId: p?.grant_id ?? null,
      };
    });
  }

  get(ctx: RequestContext, q: GetByIdQuery): Promise<MonitoringReportView> {
    return this.reports.get(ctx, q.id);
  }

  list(ctx: RequestContext, q: ListMonitoringReportsQuery): Promise<MonitoringReportPage> {
    return this.reports.list(
      ctx,
      q,
      { monitoringStart: 'r.monitoring_start', createdAt: 'r.created_at' },
      (w) =>
        w
          .eq('r.project_reference', q.projectReference)
          .eq('r.project_id', q.projectId)
          .eq('r.status', q.status),
    );
  }

  private async rerunRow(m: EntityManager, r: MonitoringReportRow): Promise<RerunView> {
    if (!r.canonical_trace || !r.calculation_sha256) {
      throw new DomainError('CONFLICT', 'This report has no stored calculation to re-run.');
    }
    const loaded = new Map<string, Methodology>();
    for (const u of r.methodologies) {
      const md = await this.methodologies.publishedMethodology(m, u.id, u.version);
      if (md) loaded.set(`${u.id}@${u.version}`, md);
    }
    const again = rerunReportCalculation(r.canonical_trace, (id, version) => loaded.get(`${id}@${version}`));
    const stored = r.canonical_trace;
    let at: number | undefined;
    if (!again.identical && again.canonicalTrace) {
      at = 0;
      while (at < stored.length && stored[at] === again.canonicalTrace[at]) at++;
    }
    return {
      identical: again.identical && sha256Hex(stored) === r.calculation_sha256,
      calculationSha256: r.calculation_sha256,
      rerunSha256: again.canonicalTrace ? sha256Hex(again.canonicalTrace) : null,
      ...(again.reason ? { reason: again.reason } : {}),
      ...(at !== undefined ? { firstDifferenceAt: at } : {}),
    };
  }

  private async companyProject(
    m: EntityManager,
    ctx: RequestContext,
    r: MonitoringReportRow,
  ): Promise<JcmProjectRow> {
    if (!r.project_id)
      throw new DomainError('CONFLICT', 'A report recorded as verified in one step has no project to edit.');
    const project = await JCM_PROJECT_SOURCE.find(m, ctx, r.project_id);
    this.projects.assertCompany(ctx, project);
    return project;
  }

  /** The exclusion constraint (a project's period is reported once) as a 409 on the period, never a 500. */
  private async periodOnce<T>(period: { start: string; end: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isPgError(err, '23P01')) {
        throw new DomainError(
          'CONFLICT',
          `Another report of this project already covers part of ${period.start}–${period.end}.`,
          [{ path: 'period', message: 'Overlaps an earlier report' }],
        );
      }
      throw err;
    }
  }
}

function calcColumns(c: ReportCalculation) {
  return {
    issues: c.issues,
    technology_ers: c.technologyErs,
    total_er_t: c.totalEmissionReductionT,
    canonical_trace: c.canonicalTrace,
    calculation_sha256: c.calculationSha256,
    engine_version: c.engineVersion,
    methodologies: c.methodologies,
  };
}
