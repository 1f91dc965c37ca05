import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 取引履歴: an account's history selects the journal entries whose lines name the account
 * (`content->'lines' @> '[{"accountId": …}]'`); a GIN index on the lines keeps that from scanning the journal.
 */
export class JournalLinesIndex1767312000005 implements MigrationInterface {
  name = 'JournalLinesIndex1767312000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX journal_entry_lines ON credits.journal_entry USING gin ((content->'lines') jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credits.journal_entry_lines`);
  }
}
