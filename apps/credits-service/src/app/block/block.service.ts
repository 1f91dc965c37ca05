import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CreditBlockPage,
  CreditBlockView,
  formatSerial,
  ListBlocksQuery,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { CreditBlockEntity } from './entities/credit-block.entity';

/** クレジットブロック: the caller's blocks (all of them for MOE / the secretariat), by serial. */
@Injectable()
export class BlockService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async list(ctx: RequestContext, q: ListBlocksQuery): Promise<CreditBlockPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const qb = m.getRepository(CreditBlockEntity).createQueryBuilder('b').where('true');
      if (!seesAllRecords(ctx)) qb.andWhere(':org = ANY(b.participant_org_ids)', { org: ctx.orgId });
      if (q.accountId) qb.andWhere('b.account_id = :accountId', { accountId: q.accountId });
      if (q.projectId) qb.andWhere('b.project_id = :projectId', { projectId: q.projectId });
      if (q.vintage) qb.andWhere('b.vintage = :vintage', { vintage: q.vintage });
      if (q.status) qb.andWhere('b.status = :status', { status: q.status });
      if (q.authorisedUse) qb.andWhere('b.authorised_use = :use', { use: q.authorisedUse });
      const [rows, total] = await qb
        .orderBy('b.project_reference', 'ASC')
        .addOrderBy('b.first_unit', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toBlockView), total };
    });
  }
}

export function toBlockView(b: CreditBlockEntity): CreditBlockView {
  const firstUnit = BigInt(b.firstUnit);
  const lastUnit = BigInt(b.lastUnit);
  return {
    id: b.id,
    serial: formatSerial({
      registry: b.registry,
      project: b.projectReference,
      vintage: b.vintage,
      firstUnit,
      lastUnit,
    }),
    registry: b.registry,
    projectReference: b.projectReference,
    vintage: b.vintage,
    firstUnit: b.firstUnit,
    lastUnit: b.lastUnit,
    quantity: b.quantity,
    accountId: b.accountId,
    status: b.status,
    issuanceId: b.issuanceId,
    article6: {
      authorisedUse: b.authorisedUse,
      authorisationRef: b.authorisationRef,
      authorisedAt: b.authorisedAt?.toISOString() ?? null,
      firstTransferDefinition: b.firstTransferDefinition,
      firstTransferredAt: b.firstTransferredAt?.toISOString() ?? null,
      correspondingAdjustment: {
        applied: b.caAppliedOn !== null,
        appliedOn: b.caAppliedOn,
        reference: b.caReference,
      },
    },
  };
}

/** Article 6 attributes of a block that was just issued: not authorised, nothing recorded. */
export const UNAUTHORISED: NonNullable<CreditBlockView['article6']> = {
  authorisedUse: 'NONE',
  authorisationRef: null,
  authorisedAt: null,
  firstTransferDefinition: null,
  firstTransferredAt: null,
  correspondingAdjustment: { applied: false, appliedOn: null, reference: null },
};
