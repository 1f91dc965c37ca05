import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

const GENESIS = '0'.repeat(64);

/**
 * 仕訳帳: the double-entry, append-only, hash-chained journal, the idempotency records of commands, and the
 * retirement details. The journal head is one row: every posting locks it last (after accounts and blocks), which
 * serialises the chain without deadlocks, and the insert trigger refuses any entry that does not extend the head.
 */
export class CreateJournal1767312000003 implements MigrationInterface {
  name = 'CreateJournal1767312000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE credits.journal_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      last_seq bigint NOT NULL,
      last_hash text NOT NULL
    )`);
    await q.query(`INSERT INTO credits.journal_head VALUES (1, 0, '${GENESIS}')`);
    await q.query(`CREATE TABLE credits.journal_entry (
      seq bigint PRIMARY KEY CHECK (seq >= 1),
      operation_id uuid NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('ISSUANCE', 'TRANSFER', 'RETIREMENT', 'CANCELLATION')),
      content jsonb NOT NULL,
      prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
      participant_org_ids uuid[] NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(participantPolicySql('credits', 'journal_entry'));
    await q.query(`CREATE FUNCTION credits.journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the credits journal is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON credits.journal_entry
      FOR EACH ROW EXECUTE FUNCTION credits.journal_append_only()`);
    await q.query(`CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON credits.journal_entry
      FOR EACH STATEMENT EXECUTE FUNCTION credits.journal_append_only()`);
    // Double entry and chaining enforced by the database too: lines sum to zero, and the entry extends the head.
    await q.query(`CREATE FUNCTION credits.journal_extend_head() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head credits.journal_head;
        total numeric;
        n integer;
      BEGIN
        SELECT coalesce(sum((l->>'quantity')::numeric), 0), count(*) INTO total, n
          FROM jsonb_array_elements(NEW.content->'lines') l;
        IF n < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'journal entry % is not balanced (% lines, sum %)', NEW.seq, n, total USING ERRCODE = 'P0001';
        END IF;
        SELECT * INTO head FROM credits.journal_head WHERE id = 1 FOR UPDATE;
        IF NEW.seq <> head.last_seq + 1 OR NEW.prev_hash <> head.last_hash THEN
          RAISE EXCEPTION 'journal entry % does not extend the head (%)', NEW.seq, head.last_seq USING ERRCODE = 'P0001';
        END IF;
        UPDATE credits.journal_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER journal_entry_extend_head BEFORE INSERT ON credits.journal_entry
      FOR EACH ROW EXECUTE FUNCTION credits.journal_extend_head()`);

    await q.query(`CREATE TABLE credits.idempotency_record (
      org_id uuid NOT NULL,
      key text NOT NULL,
      operation text NOT NULL,
      request_hash text NOT NULL,
      result jsonb,
      participant_org_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, key)
    )`);
    await q.query(participantPolicySql('credits', 'idempotency_record'));

    // 償却: the retirement's id is the operation id of its journal entry.
    await q.query(`CREATE TABLE credits.retirement (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES credits.account (id),
      quantity bigint NOT NULL CHECK (quantity > 0),
      purpose text NOT NULL CHECK (purpose IN ('NDC_ACHIEVEMENT', 'VOLUNTARY_OFFSET', 'OTHER')),
      beneficiary text NOT NULL,
      note text,
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(participantPolicySql('credits', 'retirement'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credits.retirement`);
    await q.query(`DROP TABLE credits.idempotency_record`);
    await q.query(`DROP TABLE credits.journal_entry`);
    await q.query(`DROP FUNCTION credits.journal_extend_head()`);
    await q.query(`DROP FUNCTION credits.journal_append_only()`);
    await q.query(`DROP TABLE credits.journal_head`);
  }
}
