import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canRegisterProject,
  CREDITS_EVENTS,
  DomainError,
  ListProjectsQuery,
  ProjectPage,
  ProjectView,
  RegisterProjectCommand,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { runOnce } from '../ledger/idempotency';
import { ProjectEntity } from './entities/project.entity';

/** JCM projects in the registry: the reference issuances are made against. */
@Injectable()
export class ProjectService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async register(ctx: RequestContext, cmd: RegisterProjectCommand): Promise<ProjectView> {
    if (!canRegisterProject(ctx))
      throw new DomainError('FORBIDDEN', 'Only MOE registers JCM projects in the registry.');
    return runOnce(this.ds, ctx, 'project.register', cmd, async (m) => {
      const repo = m.getRepository(ProjectEntity);
      if (await repo.existsBy({ reference: cmd.reference })) {
        throw new DomainError('CONFLICT', `Project ${cmd.reference} is already registered.`);
      }
      const saved = await repo.save(
        repo.create({
          reference: cmd.reference,
          partnerCountry: cmd.partnerCountry,
          titleEn: cmd.titleEn,
          titleJa: cmd.titleJa ?? null,
          methodology: cmd.methodology,
          participantOrgIds: [...new Set(cmd.participantOrgIds)],
          subsidised: cmd.subsidised,
          governmentShare: cmd.governmentShare,
          createdBy: ctx.userId,
        }),
      );
      const view = toProjectView(await repo.findOneByOrFail({ id: saved.id }));
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.project.registered, view, ctx, {
        aggregateId: view.id,
      });
      return view;
    });
  }

  /** Registered projects are public (the Joint Committee publishes them), so any caller sees the list. */
  async list(ctx: RequestContext, q: ListProjectsQuery): Promise<ProjectPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const qb = m.getRepository(ProjectEntity).createQueryBuilder('p').where('true');
      if (q.partnerCountry) qb.andWhere('p.partner_country = :c', { c: q.partnerCountry });
      const [rows, total] = await qb
        .orderBy('p.reference', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toProjectView), total };
    });
  }
}

export function toProjectView(e: ProjectEntity): ProjectView {
  return {
    id: e.id,
    reference: e.reference,
    partnerCountry: e.partnerCountry,
    titleEn: e.titleEn,
    titleJa: e.titleJa,
    methodology: e.methodology,
    participantOrgIds: e.participantOrgIds,
    subsidised: e.subsidised,
    governmentShare: normaliseShare(e.governmentShare),
    issuedUnits: e.issuedUnits,
    createdAt: e.createdAt.toISOString(),
  };
}

/** "0.5000" → "0.5", "1.0000" → "1": the share as the caller wrote it. */
export function normaliseShare(share: string): string {
  return share.includes('.') ? share.replace(/0+$/, '').replace(/\.$/, '') : share;
}
