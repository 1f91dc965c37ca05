import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canCreateRegistry,
  CreateRegistryCommand,
  CREDITS_EVENTS,
  DomainError,
  RegistryList,
  RegistryView,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { insertAccount } from '../account/account-opening';
import { runOnce } from '../ledger/idempotency';
import { RegistryEntity } from './entities/registry.entity';

/** Accounts every registry has from the start, held by its manager: issuance (contra), cancellation, retirement. */
const REGISTRY_OWN_ACCOUNTS = [
  { type: 'ISSUANCE', holderName: 'Issuance account' },
  { type: 'CANCELLATION', holderName: 'Cancellation account' },
  { type: 'RETIREMENT', holderName: 'Retirement account' },
] as const;

/** 登録簿: one registry per side of the JCM. */
@Injectable()
export class RegistryService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateRegistryCommand): Promise<RegistryView> {
    if (!canCreateRegistry(ctx)) throw new DomainError('FORBIDDEN', 'Only MOE creates registries.');
    return runOnce(this.ds, ctx, 'registry.create', cmd, async (m) => {
      const repo = m.getRepository(RegistryEntity);
      if (await repo.existsBy({ code: cmd.code }))
        throw new DomainError('CONFLICT', `Registry ${cmd.code} already exists.`);
      const saved = await repo.save(repo.create({ ...cmd, createdBy: ctx.userId }));
      for (const a of REGISTRY_OWN_ACCOUNTS) {
        await insertAccount(m, {
          registry: cmd.code,
          type: a.type,
          ownerOrgId: cmd.managerOrgId,
          holderName: a.holderName,
          createdBy: ctx.userId,
        });
      }
      const view = toRegistryView(saved);
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.registry.created, view, ctx, {
        aggregateId: view.code,
      });
      return view;
    });
  }

  async list(ctx: RequestContext): Promise<RegistryList> {
    const rows = await inTenantTransaction(this.ds, ctx, (m) =>
      m.getRepository(RegistryEntity).find({ order: { code: 'ASC' } }),
    );
    return { items: rows.map(toRegistryView) };
  }
}

function toRegistryView(e: RegistryEntity): RegistryView {
  return {
    code: e.code,
    nameEn: e.nameEn,
    nameJa: e.nameJa,
    managerOrgId: e.managerOrgId,
    createdAt: e.createdAt.toISOString(),
  };
}
