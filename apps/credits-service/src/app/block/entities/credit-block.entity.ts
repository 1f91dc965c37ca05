import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorisedUse, CreditBlockStatus, FirstTransferDefinition } from '@jcm/contracts';

/**
 * クレジットブロック: a contiguous, serial-numbered range of units in one account. Written only by the posting
 * engine; this entity is for reading.
 */
@Entity({ name: 'credit_block', schema: 'credits' })
export class CreditBlockEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'issuance_id', type: 'uuid' })
  issuanceId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  registry!: string;

  @Column({ name: 'project_reference', type: 'text' })
  projectReference!: string;

  @Column({ type: 'integer' })
  vintage!: number;

  @Column({ name: 'first_unit', type: 'bigint' })
  firstUnit!: string;

  @Column({ name: 'last_unit', type: 'bigint' })
  lastUnit!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  quantity!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  status!: CreditBlockStatus;

  @Column({ name: 'participant_org_ids', type: 'uuid', array: true })
  participantOrgIds!: string[];

  @Column({ name: 'authorised_use', type: 'text' })
  authorisedUse!: AuthorisedUse;

  @Column({ name: 'authorisation_ref', type: 'text', nullable: true })
  authorisationRef!: string | null;

  @Column({ name: 'authorised_at', type: 'timestamptz', nullable: true })
  authorisedAt!: Date | null;

  @Column({ name: 'first_transfer_definition', type: 'text', nullable: true })
  firstTransferDefinition!: FirstTransferDefinition | null;

  @Column({ name: 'first_transferred_at', type: 'timestamptz', nullable: true })
  firstTransferredAt!: Date | null;

  /** `date` read as the ISO string PostgreSQL gives (no time zone shift). */
  @Column({ name: 'ca_applied_on', type: 'date', nullable: true })
  caAppliedOn!: string | null;

  @Column({ name: 'ca_reference', type: 'text', nullable: true })
  caReference!: string | null;
}
