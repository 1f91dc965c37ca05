import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartyRef } from '@jcm/contracts';

/** grants-service's projection of a 都市間連携 partnership (never read from partnership's schema). */
@Entity({ name: 'partnership_projection', schema: 'grants' })
export class PartnershipProjectionEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @Column({ name: 'title_ja', type: 'text' })
  titleJa!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ type: 'jsonb' })
  municipality!: PartyRef;

  @Column({ name: 'partner_city', type: 'jsonb' })
  partnerCity!: PartyRef;

  @Column({ name: 'participant_org_ids', type: 'uuid', array: true })
  participantOrgIds!: string[];

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;
}
