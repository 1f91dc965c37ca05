import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OtherParticipant, PartyRef, TargetField } from '@jcm/contracts';

/** 都市間連携: a Japanese municipality and an overseas partner city working together. */
@Entity({ name: 'partnership', schema: 'partnership' })
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  municipality!: PartyRef;

  @Column({ name: 'partner_city', type: 'jsonb' })
  partnerCity!: PartyRef;

  @Column({ name: 'other_participants', type: 'jsonb', default: () => "'[]'" })
  otherParticipants!: OtherParticipant[];

  @Column({ name: 'title_ja', type: 'text' })
  titleJa!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'target_fields', type: 'text', array: true })
  targetFields!: TargetField[];

  @Column({ name: 'target_field_other', type: 'text', nullable: true })
  targetFieldOther!: string | null;

  /** Organisations that may see this partnership (RLS key). */
  @Column({ name: 'participant_org_ids', type: 'uuid', array: true })
  participantOrgIds!: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
