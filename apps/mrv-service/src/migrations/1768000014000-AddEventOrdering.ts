import { MigrationInterface, QueryRunner } from 'typeorm';
import { eventOrderingDownSql, eventOrderingUpSql } from '@jcm/service-kit';

/** Per-aggregate event sequence numbers and the consumers' positions (DESIGN §4 "Ordering", issue #14). */
export class AddEventOrdering1768000014000 implements MigrationInterface {
  name = 'AddEventOrdering1768000014000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventOrderingUpSql('mrv')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventOrderingDownSql('mrv')) await q.query(sql);
  }
}
