import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  EventEnvelope,
  PARTNERSHIP_EVENTS,
  PartnershipParticipantAddedEvent,
  PartnershipProjectionList,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction, MessagingRuntime } from '@jcm/service-kit';
import { PartnershipProjectionEntity } from './entities/partnership-projection.entity';

/** Keeps grants' projection of partnerships current from `evt.partnership.*` (JCM leads are cited later). */
@Injectable()
export class PartnershipProjectionService implements OnApplicationBootstrap {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly messaging: MessagingRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.messaging.subscribe('partnership', {
      [PARTNERSHIP_EVENTS.partnership.created.type]: (event, manager) =>
        this.onPartnershipCreated(event, manager),
      [PARTNERSHIP_EVENTS.partnership.participantAdded.type]: (event, manager) =>
        this.onParticipantAdded(event, manager),
    });
  }

  /** Runs inside the consumer's transaction, together with the processed-event record. */
  async onPartnershipCreated(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const p = PARTNERSHIP_EVENTS.partnership.created.schema.parse(event.data);
    await manager.getRepository(PartnershipProjectionEntity).save({
      partnershipId: p.id,
      titleJa: p.titleJa,
      titleEn: p.titleEn,
      municipality: p.municipality,
      partnerCity: p.partnerCity,
      participantOrgIds: [p.municipality.orgId, p.partnerCity.orgId],
      sourceEventId: event.eventId,
    });
  }

  /** The producer sends the full participant list, so a replayed or reordered event converges to the same rows. */
  async onParticipantAdded(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const e = PartnershipParticipantAddedEvent.parse(event.data);
    await manager
      .getRepository(PartnershipProjectionEntity)
      .update(
        { partnershipId: e.partnershipId },
        { participantOrgIds: e.participantOrgIds, sourceEventId: event.eventId },
      );
  }

  async list(ctx: RequestContext): Promise<PartnershipProjectionList> {
    const rows = await inTenantTransaction(this.ds, ctx, (m) => {
      const qb = m.getRepository(PartnershipProjectionEntity).createQueryBuilder('p').orderBy('p.title_en');
      if (!seesAllRecords(ctx)) qb.where(':org = ANY(p.participant_org_ids)', { org: ctx.orgId });
      return qb.getMany();
    });
    return {
      items: rows.map((r) => ({ partnershipId: r.partnershipId, titleJa: r.titleJa, titleEn: r.titleEn })),
    };
  }
}
