import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** JCM プロジェクト as the registry knows it: reference, partner country, methodology, participants and the share. */
@Entity({ name: 'project', schema: 'credits' })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'partner_country', type: 'text' })
  partnerCountry!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'title_ja', type: 'text', nullable: true })
  titleJa!: string | null;

  @Column({ type: 'text' })
  methodology!: string;

  @Column({ name: 'participant_org_ids', type: 'uuid', array: true })
  participantOrgIds!: string[];

  @Column({ type: 'boolean' })
  subsidised!: boolean;

  /** 日本政府への配分比率, numeric(5,4): read back as a string such as "0.5000". */
  @Column({ name: 'government_share', type: 'numeric', precision: 5, scale: 4 })
  governmentShare!: string;

  @Column({ name: 'issued_units', type: 'bigint', insert: false, update: false })
  issuedUnits!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
