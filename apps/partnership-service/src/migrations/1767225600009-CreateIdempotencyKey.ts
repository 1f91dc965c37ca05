import { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotencyPlumbingDownSql, idempotencyPlumbingUpSql } from '@jcm/service-kit';

/** 冪等性キー: one stored reply per (organisation, operation, Idempotency-Key), so a retried create applies once. */
export class CreateIdempotencyKey1767225600009 implements MigrationInterface {
  name = 'CreateIdempotencyKey1767225600009';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of idempotencyPlumbingUpSql('partnership')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of idempotencyPlumbingDownSql('partnership')) await q.query(sql);
  }
}
