import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountType } from '@jcm/contracts';

/** 口座: a registry account. Balance and version change only through the posting engine (credit-ledger.ts). */
@Entity({ name: 'account', schema: 'credits' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_number', type: 'text' })
  accountNumber!: string;

  @Column({ type: 'text' })
  registry!: string;

  @Column({ type: 'text' })
  type!: AccountType;

  @Column({ name: 'owner_org_id', type: 'uuid' })
  ownerOrgId!: string;

  @Column({ name: 'holder_name', type: 'text' })
  holderName!: string;

  /** RLS key: the owner organisation only. */
  @Column({ name: 'participant_org_ids', type: 'uuid', array: true })
  participantOrgIds!: string[];

  /** Whole tonnes, bigint in PostgreSQL, string here: never a JS number. */
  @Column({ type: 'bigint', insert: false, update: false })
  balance!: string;

  @Column({ type: 'integer', insert: false, update: false })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
