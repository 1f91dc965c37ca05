import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingPlumbingDownSql, messagingPlumbingUpSql } from '@jcm/service-kit';

export class CreateMessagingPlumbing1767225600000 implements MigrationInterface {
  name = 'CreateMessagingPlumbing1767225600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingPlumbingUpSql('portfolio')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of messagingPlumbingDownSql('portfolio')) await q.query(sql);
  }
}
