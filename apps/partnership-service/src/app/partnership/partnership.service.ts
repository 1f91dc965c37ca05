import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AddPartnershipParticipantCommand,
  canAddPartnershipParticipant,
  canCreatePartnership,
  CreatePartnershipCommand,
  DomainError,
  ListPartnershipsQuery,
  PARTNERSHIP_EVENTS,
  PartnershipPage,
  PartnershipView,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { PartnershipEntity } from './entities/partnership.entity';
import { addParticipantToPartnership } from './partnership-participants';

const SORT_COLUMNS = { createdAt: 'p.created_at', titleJa: 'p.title_ja', titleEn: 'p.title_en' } as const;

/** 都市間連携: registering and reading city pairs, always inside the caller's tenant transaction. */
@Injectable()
export class PartnershipService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreatePartnershipCommand): Promise<PartnershipView> {
    if (!canCreatePartnership(ctx, cmd.municipality.orgId)) {
      throw new DomainError('FORBIDDEN', 'Only MOE, the secretariat or the municipality itself may register this partnership.');
    }
    if (cmd.municipality.orgId === cmd.partnerCity.orgId) {
      throw new DomainError('VALIDATION_FAILED', 'A partnership needs two different cities.', [
        { path: 'partnerCityOrgId', message: 'Must differ from municipalityOrgId' },
      ]);
    }
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const saved = await m.getRepository(PartnershipEntity).save(
        m.getRepository(PartnershipEntity).create({
          municipality: cmd.municipality,
          partnerCity: cmd.partnerCity,
          titleJa: cmd.titleJa,
          titleEn: cmd.titleEn,
          targetFields: cmd.targetFields,
          targetFieldOther: cmd.targetFieldOther,
          participantOrgIds: [cmd.municipality.orgId, cmd.partnerCity.orgId],
          createdBy: ctx.userId,
        }),
      );
      const view = toView(saved);
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.partnership.created.type, view, ctx, undefined, view.id);
      return view;
    });
  }

  async list(ctx: RequestContext, query: ListPartnershipsQuery): Promise<PartnershipPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const qb = this.visibleTo(m, ctx);
      if (query.q) {
        // Titles and both cities' names, in either language: people search for "Bangkok" or 「横浜」.
        qb.andWhere(
          `(p.title_ja ILIKE :q OR p.title_en ILIKE :q
            OR p.municipality->>'nameJa' ILIKE :q OR p.municipality->>'nameEn' ILIKE :q
            OR p.partner_city->>'nameJa' ILIKE :q OR p.partner_city->>'nameEn' ILIKE :q)`,
          { q: `%${escapeLike(query.q)}%` },
        );
      }
      const desc = query.sort.startsWith('-');
      const key = query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
      qb.orderBy(SORT_COLUMNS[key], desc ? 'DESC' : 'ASC').addOrderBy('p.id', 'ASC');
      const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
      return { items: rows.map(toView), total };
    });
  }

  async get(ctx: RequestContext, id: string, inTransaction?: EntityManager): Promise<PartnershipView> {
    const find = (m: EntityManager) => this.visibleTo(m, ctx).andWhere('p.id = :id', { id }).getOne();
    const row = inTransaction ? await find(inTransaction) : await inTenantTransaction(this.ds, ctx, find);
    // Another tenant's partnership is reported exactly like a missing one: existence is not disclosed.
    if (!row) throw new DomainError('NOT_FOUND', `Partnership ${id} not found`);
    return toView(row);
  }

  /**
   * Adds an organisation (typically the contractor) to a city pair so it can see and work on it. Idempotent: adding
   * a present participant changes nothing and publishes nothing.
   */
  async addParticipant(ctx: RequestContext, cmd: AddPartnershipParticipantCommand): Promise<PartnershipView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await this.visibleTo(m, ctx).andWhere('p.id = :id', { id: cmd.partnershipId }).setLock('pessimistic_write').getOne();
      if (!row) throw new DomainError('NOT_FOUND', `Partnership ${cmd.partnershipId} not found`);
      if (!canAddPartnershipParticipant(ctx, row.municipality.orgId)) {
        throw new DomainError('FORBIDDEN', 'Only MOE, the secretariat or the partnership’s municipality may add participants.');
      }
      await addParticipantToPartnership(m, ctx, row.id, cmd.participant);
      return this.get(ctx, row.id, m);
    });
  }

  /** Tenancy enforced in the query as well as by RLS (DESIGN §5: enforced twice). */
  private visibleTo(m: EntityManager, ctx: RequestContext) {
    const qb = m.getRepository(PartnershipEntity).createQueryBuilder('p').where('true');
    if (!seesAllRecords(ctx)) qb.andWhere(':org = ANY(p.participant_org_ids)', { org: ctx.orgId });
    return qb;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function toView(e: PartnershipEntity): PartnershipView {
  return {
    id: e.id,
    municipality: e.municipality,
    partnerCity: e.partnerCity,
    otherParticipants: e.otherParticipants ?? [],
    titleJa: e.titleJa,
    titleEn: e.titleEn,
    targetFields: e.targetFields,
    targetFieldOther: e.targetFieldOther,
    createdAt: e.createdAt.toISOString(),
  };
}
