import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingPlumbingDownSql, messagingPlumbingUpSql } from '@jcm/service-kit';

export class CreateMessagingPlumbing1767312000000 implements MigrationInterface {
  name = 'CreateMessagingPlumbing1767312000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingPlumbingUpSql('credits')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of messagingPlumbingDownSql('credits')) await q.query(sql);
  }
}
