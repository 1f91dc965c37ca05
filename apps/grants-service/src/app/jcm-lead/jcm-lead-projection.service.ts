import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PARTNERSHIP_EVENTS } from '@jcm/contracts';
import { MessagingRuntime } from '@jcm/service-kit';

/**
 * Keeps grants' copy of JCM leads current from `evt.partnership.jcm-lead.*` (recorded / advanced), so an application
 * can cite its lead and show the lead's status. Visible to the lead's partnership participants (from grants'
 * partnership projection) and to oversight. A stale event (older `updatedAt`) never overwrites a newer one.
 */
@Injectable()
export class JcmLeadProjectionService implements OnApplicationBootstrap {
  constructor(private readonly messaging: MessagingRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    const apply = (event: EventEnvelope, m: EntityManager) => this.onLead(event, m);
    await this.messaging.subscribe(
      'partnership',
      {
        [PARTNERSHIP_EVENTS.jcmLead.recorded.type]: apply,
        [PARTNERSHIP_EVENTS.jcmLead.advanced.type]: apply,
      },
      { aggregate: 'jcm-lead' },
    );
  }

  async onLead(event: EventEnvelope, m: EntityManager): Promise<void> {
    const lead = PARTNERSHIP_EVENTS.jcmLead.recorded.schema.parse(event.data);
    await m.query(
      `INSERT INTO grants.jcm_lead_projection AS j (lead_id, partnership_id, title_ja, title_en, status, lead_updated_at, participant_org_ids, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce((SELECT p.participant_org_ids FROM grants.partnership_projection p WHERE p.partnership_id = $2), '{}'::uuid[]), $7)
       ON CONFLICT (lead_id) DO UPDATE SET title_ja = EXCLUDED.title_ja, title_en = EXCLUDED.title_en, status = EXCLUDED.status,
         lead_updated_at = EXCLUDED.lead_updated_at, participant_org_ids = EXCLUDED.participant_org_ids, source_event_id = EXCLUDED.source_event_id
       WHERE j.lead_updated_at <= EXCLUDED.lead_updated_at`,
      [lead.id, lead.partnershipId, lead.titleJa, lead.titleEn, lead.status, lead.updatedAt, event.eventId],
    );
  }
}
