import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 登録簿: the registry of one side of a JCM partnership (Japan's, or a partner country's). */
@Entity({ name: 'registry', schema: 'credits' })
export class RegistryEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa!: string;

  /** 登録簿管理者: the organisation that runs the registry (MOE for Japan's). */
  @Column({ name: 'manager_org_id', type: 'uuid' })
  managerOrgId!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
