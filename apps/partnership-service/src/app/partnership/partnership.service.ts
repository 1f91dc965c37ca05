import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AddPartnershipParticipantCommand,
  canAddPartnershipParticipant,
  canCreatePartnership,
  CreatePartnershipCommand,
  DomainError,
  ListPartnershipsQuery,
  PARTNERSHIP_RPC,
  PartnershipPage,
  PartnershipView,
  RequestContext,
} from '@jcm/contracts';
import { Aggregate, DATA_SOURCE, forbidden } from '@jcm/service-kit';
import { addParticipantToPartnership, registerPartnership } from './partnership-records';
import { PARTNERSHIP_SOURCE, toPartnershipView } from './partnership.rows';

const SORT_COLUMNS = { createdAt: 'p.created_at', titleJa: 'p.title_ja', titleEn: 'p.title_en' };

/** 都市間連携: registering and reading city pairs, always inside the caller's tenant transaction. */
@Injectable()
export class PartnershipService {
  private readonly pairs;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.pairs = new Aggregate(ds, {
      schema: 'partnership',
      source: PARTNERSHIP_SOURCE,
      view: toPartnershipView,
    });
  }

  /** Once per Idempotency-Key: a retried registration (e.g. after a gateway timeout) does not create a second pair. */
  async create(ctx: RequestContext, cmd: CreatePartnershipCommand): Promise<PartnershipView> {
    if (!canCreatePartnership(ctx, cmd.municipality.orgId)) {
      throw forbidden('Only MOE, the secretariat or the municipality itself may register this partnership.');
    }
    if (cmd.municipality.orgId === cmd.partnerCity.orgId) {
      throw new DomainError('VALIDATION_FAILED', 'A partnership needs two different cities.', [
        { path: 'partnerCityOrgId', message: 'Must differ from municipalityOrgId' },
      ]);
    }
    return this.pairs.inTransaction(ctx, { operation: PARTNERSHIP_RPC.partnership.create, body: cmd }, (m) =>
      registerPartnership(m, ctx, {
        municipality: cmd.municipality,
        partner_city: cmd.partnerCity,
        title_ja: cmd.titleJa,
        title_en: cmd.titleEn,
        target_fields: cmd.targetFields,
        target_field_other: cmd.targetFieldOther,
        participant_org_ids: [cmd.municipality.orgId, cmd.partnerCity.orgId],
        created_by: ctx.userId,
      }),
    );
  }

  list(ctx: RequestContext, q: ListPartnershipsQuery): Promise<PartnershipPage> {
    return this.pairs.list(ctx, q, SORT_COLUMNS, (w) => {
      if (!q.q) return;
      // Titles and both cities' names, in either language: people search for "Bangkok" or 「横浜」.
      const like = w.param(`%${escapeLike(q.q)}%`);
      w.and(`(p.title_ja ILIKE ${like} OR p.title_en ILIKE ${like}
        OR p.municipality->>'nameJa' ILIKE ${like} OR p.municipality->>'nameEn' ILIKE ${like}
        OR p.partner_city->>'nameJa' ILIKE ${like} OR p.partner_city->>'nameEn' ILIKE ${like})`);
    });
  }

  get(ctx: RequestContext, id: string, inTransaction?: EntityManager): Promise<PartnershipView> {
    return inTransaction ? this.pairs.read(inTransaction, ctx, id) : this.pairs.get(ctx, id);
  }

  /**
   * Adds an organisation (typically the contractor) to a city pair so it can see and work on it. Idempotent: adding
   * a present participant changes nothing and publishes nothing.
   */
  addParticipant(ctx: RequestContext, cmd: AddPartnershipParticipantCommand): Promise<PartnershipView> {
    return this.pairs.inTransaction(ctx, undefined, async (m) => {
      const pair = await PARTNERSHIP_SOURCE.find(m, ctx, cmd.partnershipId, { lock: true });
      if (!canAddPartnershipParticipant(ctx, pair.municipality.orgId)) {
        throw forbidden('Only MOE, the secretariat or the partnership’s municipality may add participants.');
      }
      await addParticipantToPartnership(m, ctx, pair.id, cmd.participant);
      return this.pairs.read(m, ctx, pair.id);
    });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
