import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccountPage,
  AccountView,
  canManageRegistry,
  CREDITS_EVENTS,
  DomainError,
  ListAccountsQuery,
  OpenAccountCommand,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { runOnce } from '../ledger/idempotency';
import { RegistryEntity } from '../registry/entities/registry.entity';
import { insertAccount } from './account-opening';
import { AccountEntity } from './entities/account.entity';

/** 口座: opening holding accounts and reading them, always under the caller's RLS scope. */
@Injectable()
export class AccountService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async open(ctx: RequestContext, cmd: OpenAccountCommand): Promise<AccountView> {
    return runOnce(this.ds, ctx, 'account.open', cmd, async (m) => {
      const registry = await m.getRepository(RegistryEntity).findOneBy({ code: cmd.registry });
      if (!registry) throw new DomainError('NOT_FOUND', `Registry ${cmd.registry} not found`);
      if (!canManageRegistry(ctx, registry.managerOrgId)) {
        throw new DomainError('FORBIDDEN', 'Only the registry manager opens accounts in this registry.');
      }
      const id = await insertAccount(m, { ...cmd, createdBy: ctx.userId });
      const view = toAccountView(await m.getRepository(AccountEntity).findOneByOrFail({ id }));
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.account.opened, view, ctx, { aggregateId: view.id });
      return view;
    });
  }

  async list(ctx: RequestContext, q: ListAccountsQuery): Promise<AccountPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const qb = this.visibleTo(m, ctx);
      if (q.registry) qb.andWhere('a.registry = :registry', { registry: q.registry });
      if (q.type) qb.andWhere('a.type = :type', { type: q.type });
      const [rows, total] = await qb
        .orderBy('a.account_number', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toAccountView), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<AccountView> {
    const row = await inTenantTransaction(this.ds, ctx, (m) =>
      this.visibleTo(m, ctx).andWhere('a.id = :id', { id }).getOne(),
    );
    // Another holder's account is reported exactly like a missing one.
    if (!row) throw new DomainError('NOT_FOUND', `Account ${id} not found`);
    return toAccountView(row);
  }

  /** Tenancy enforced in the query as well as by RLS (DESIGN §5). */
  private visibleTo(m: EntityManager, ctx: RequestContext) {
    const qb = m.getRepository(AccountEntity).createQueryBuilder('a').where('true');
    if (!seesAllRecords(ctx)) qb.andWhere('a.owner_org_id = :org', { org: ctx.orgId });
    return qb;
  }
}

export function toAccountView(e: AccountEntity): AccountView {
  return {
    id: e.id,
    accountNumber: e.accountNumber,
    registry: e.registry,
    type: e.type,
    ownerOrgId: e.ownerOrgId,
    holderName: e.holderName,
    balance: e.balance,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
  };
}
