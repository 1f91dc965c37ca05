import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AssignTpeCommand,
  CreateJcmProjectCommand,
  DomainError,
  FieldIssue,
  GetByIdQuery,
  JcmProjectPage,
  JcmProjectView,
  ListJcmProjectsQuery,
  MRV_EVENTS,
  MRV_RPC,
  ProjectTechnology,
  RegisterJcmProjectCommand,
  RequestContext,
  UpdateJcmProjectCommand,
  ValidateJcmProjectCommand,
} from '@jcm/contracts';
import { type Methodology } from '@jcm/rules';
import { Aggregate, Clock, CLOCK, DATA_SOURCE, forbidden, isPgError, todayUtc } from '@jcm/service-kit';
import { assertNoOpenCorrections } from '../finding/open-corrections';
import { MethodologyService } from '../methodology/methodology.service';
import { JCM_PROJECT, JCM_PROJECT_SOURCE, JcmProjectRow, toJcmProjectView } from './project.rows';

const editing = (ctx: RequestContext, what: string) => {
  if (ctx.role === 'viewer') throw forbidden(`Viewers cannot ${what}.`);
};

/**
 * JCM project registration (jcm-grants.md §6.3): the company drafts the PDD, the local stakeholder consultation and
 * the monitoring plan; an accredited TPE validates (findings must be closed); the secretariat/MOE records the Joint
 * Committee's registration, which publishes `mrv.project.registered`.
 */
@Injectable()
export class ProjectService {
  readonly projects: Aggregate<typeof JCM_PROJECT_SOURCE.spec.fields, ReturnType<typeof toJcmProjectView>>;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly methodologies: MethodologyService,
  ) {
    // Built here, not as a field initializer: SWC's ES2022 class fields run before the injected parameters are set.
    this.projects = new Aggregate(this.ds, {
      schema: 'mrv',
      source: JCM_PROJECT_SOURCE,
      view: toJcmProjectView,
    });
  }

  async create(ctx: RequestContext, cmd: CreateJcmProjectCommand): Promise<JcmProjectView> {
    editing(ctx, 'register projects');
    if (ctx.orgType !== 'COMPANY')
      throw forbidden('A JCM project is registered by its company (the project participant).');
    const consortium = [...new Set([ctx.orgId, ...cmd.participantOrgIds])];
    try {
      return await this.projects.create(ctx, { operation: MRV_RPC.project.create, body: cmd }, async (m) => {
        await this.methodologiesOf(m, cmd.technologies);
        const row = await JCM_PROJECT.insert(m, {
          project_reference: cmd.projectReference,
          host_country: cmd.hostCountry,
          title_ja: cmd.titleJa,
          title_en: cmd.titleEn,
          company_org_id: ctx.orgId,
          consortium_org_ids: consortium,
          grant_id: cmd.grantId ?? null,
          registry_project_ref: cmd.projectReference,
          technologies: cmd.technologies,
          pdd: cmd.pdd ?? null,
          stakeholder_consultation: cmd.stakeholderConsultation ?? null,
          participant_org_ids: consortium,
          created_by: ctx.userId,
        });
        return { id: row.id, outcome: null };
      });
    } catch (err) {
      if (isPgError(err, '23505')) {
        throw new DomainError('CONFLICT', `Project ${cmd.projectReference} already exists.`, [
          { path: 'projectReference', message: 'Already registered' },
        ]);
      }
      throw err;
    }
  }

  /** PDD, consultation and monitoring plan change only while the project is drafted (frozen at validation). */
  update(ctx: RequestContext, cmd: UpdateJcmProjectCommand): Promise<JcmProjectView> {
    editing(ctx, 'edit projects');
    return this.projects.transition(ctx, cmd.id, async (m, p) => {
      this.assertCompany(ctx, p);
      if (p.status !== 'PDD_DRAFTED')
        throw new DomainError(
          'CONFLICT',
          `A project in ${p.status} can no longer be edited (the monitoring plan is frozen at validation).`,
        );
      if (cmd.technologies) await this.methodologiesOf(m, cmd.technologies);
      await JCM_PROJECT.update(m, p.id, {
        technologies: cmd.technologies ?? p.technologies,
        pdd: cmd.pdd ?? p.pdd,
        stakeholder_consultation: cmd.stakeholderConsultation ?? p.stakeholder_consultation,
        grant_id: cmd.grantId ?? p.grant_id,
        version: p.version + 1,
      });
      return null;
    });
  }

  /** The company assigns a TPE accredited for every methodology's sectoral scope; the TPE then sees the project. */
  assignValidator(ctx: RequestContext, cmd: AssignTpeCommand): Promise<JcmProjectView> {
    editing(ctx, 'assign a validator');
    return this.projects.transition(ctx, cmd.id, async (m, p) => {
      this.assertCompany(ctx, p);
      if (p.status !== 'PDD_DRAFTED')
        throw new DomainError(
          'CONFLICT',
          `A validator is assigned to a drafted project, not one in ${p.status}.`,
        );
      const missing: FieldIssue[] = [];
      if (!p.pdd) missing.push({ path: 'pdd', message: 'The PDD data is required before validation' });
      if (!p.stakeholder_consultation)
        missing.push({
          path: 'stakeholderConsultation',
          message: 'The local stakeholder consultation is required before validation',
        });
      if (missing.length)
        throw new DomainError('RULE_VIOLATION', 'The project is not ready for validation.', missing);
      const scopes = (await this.methodologiesOf(m, p.technologies)).map((x) => x.sectoralScope);
      await this.methodologies.assertAccredited(m, cmd.tpeOrgId, scopes, todayUtc(this.clock));
      await JCM_PROJECT.update(m, p.id, {
        status: 'VALIDATION',
        validator_org_id: cmd.tpeOrgId,
        participant_org_ids: [...new Set([...p.participant_org_ids, cmd.tpeOrgId])],
        version: p.version + 1,
      });
      return null;
    });
  }

  /** The assigned TPE's opinion; a positive one needs every CAR and CL of the validation resolved. */
  validate(ctx: RequestContext, cmd: ValidateJcmProjectCommand): Promise<JcmProjectView> {
    editing(ctx, 'validate projects');
    return this.projects.transition(ctx, cmd.id, async (m, p) => {
      if (ctx.orgType !== 'TPE' || p.validator_org_id !== ctx.orgId)
        throw forbidden('Only the assigned TPE validates this project.');
      if (p.status !== 'VALIDATION')
        throw new DomainError('CONFLICT', `A project in ${p.status} is not under validation.`);
      if (cmd.opinion === 'POSITIVE') await assertNoOpenCorrections(m, p.id);
      await JCM_PROJECT.update(m, p.id, {
        status: cmd.opinion === 'POSITIVE' ? 'VALIDATED' : 'PDD_DRAFTED',
        validation_opinion: cmd.opinion,
        validation_statement: cmd.statement,
        version: p.version + 1,
      });
      return null;
    });
  }

  /** The secretariat or MOE records the Joint Committee's registration (登録) of a validated project. */
  register(ctx: RequestContext, cmd: RegisterJcmProjectCommand): Promise<JcmProjectView> {
    editing(ctx, 'register projects');
    if (ctx.orgType !== 'SECRETARIAT' && ctx.orgType !== 'MOE')
      throw forbidden('The secretariat or MOE records the registration.');
    return this.projects.transition(ctx, cmd.id, async (m, p) => {
      if (p.status !== 'VALIDATED')
        throw new DomainError(
          'CONFLICT',
          `Only a validated project is registered (this one is ${p.status}).`,
        );
      await JCM_PROJECT.update(m, p.id, {
        status: 'REGISTERED',
        registered_on: cmd.registeredOn,
        jc_registration_ref: cmd.jcRegistrationRef,
        registry_project_ref: cmd.registryProjectRef ?? p.registry_project_ref,
        version: p.version + 1,
      });
      return {
        event: MRV_EVENTS.project.registered,
        data: {
          projectId: p.id,
          projectReference: p.project_reference,
          grantId: p.grant_id,
          hostCountry: p.host_country,
          registeredOn: cmd.registeredOn,
          methodologies: p.technologies.map((t) => ({ id: t.methodologyId, version: t.methodologyVersion })),
        },
      };
    });
  }

  get(ctx: RequestContext, q: GetByIdQuery): Promise<JcmProjectView> {
    return this.projects.get(ctx, q.id);
  }

  list(ctx: RequestContext, q: ListJcmProjectsQuery): Promise<JcmProjectPage> {
    return this.projects.list(
      ctx,
      q,
      { projectReference: 'p.project_reference', createdAt: 'p.created_at' },
      (w) => w.eq('p.status', q.status).eq('p.host_country', q.hostCountry),
    );
  }

  /** The company side of a project: its consortium (not the TPE, not the oversight). */
  assertCompany(ctx: RequestContext, p: JcmProjectRow): void {
    if (!p.consortium_org_ids.includes(ctx.orgId))
      throw forbidden('Only the project participants edit the project and its reports.');
  }

  /**
   * Every technology's methodology version, PUBLISHED (METHODOLOGY_APPROVED, §6.3), and its fixed values naming
   * fixed-ex-ante parameters of that methodology; otherwise a 400 at the technology's field.
   */
  async methodologiesOf(
    m: EntityManager,
    technologies: readonly ProjectTechnology[],
  ): Promise<Methodology[]> {
    const issues: FieldIssue[] = [];
    const found: Methodology[] = [];
    for (const [i, t] of technologies.entries()) {
      const md = await this.methodologies.publishedMethodology(m, t.methodologyId, t.methodologyVersion);
      if (!md) {
        issues.push({
          path: `technologies.${i}.methodologyVersion`,
          message: `${t.methodologyId} ${t.methodologyVersion} is not a published methodology`,
        });
        continue;
      }
      found.push(md);
      for (const name of Object.keys(t.fixedValues)) {
        if (!md.parameters.some((p) => p.id === name && p.kind === 'FIXED_EX_ANTE')) {
          issues.push({
            path: `technologies.${i}.fixedValues.${name}`,
            message: `Not a fixed-ex-ante parameter of ${md.id} ${md.version}`,
          });
        }
      }
    }
    if (new Set(technologies.map((t) => t.technologyId)).size !== technologies.length) {
      issues.push({ path: 'technologies', message: 'Technology ids must be unique' });
    }
    if (issues.length)
      throw new DomainError('VALIDATION_FAILED', 'The monitoring plan is not valid.', issues);
    return found;
  }
}
