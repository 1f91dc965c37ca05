import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * JCM projects, issuances (発行) and serial-numbered credit blocks. Units are numbered per project from 1; the
 * exclusion constraint makes overlapping ranges impossible, and the guard trigger keeps retired and cancelled
 * blocks where they are for good.
 */
export class CreateProjectsIssuancesAndBlocks1767312000002 implements MigrationInterface {
  name = 'CreateProjectsIssuancesAndBlocks1767312000002';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint combine "same project" (=) with "ranges overlap" (&&).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Registered JCM projects are published by the Joint Committee: public reference data, no RLS.
    await q.query(`CREATE TABLE credits.project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z]{2}[A-Z0-9]{1,18}$'),
      partner_country text NOT NULL CHECK (partner_country ~ '^[A-Z]{2}$'),
      title_en text NOT NULL,
      title_ja text,
      methodology text NOT NULL,
      participant_org_ids uuid[] NOT NULL CHECK (cardinality(participant_org_ids) >= 1),
      subsidised boolean NOT NULL,
      government_share numeric(5, 4) NOT NULL CHECK (government_share BETWEEN 0 AND 1),
      issued_units bigint NOT NULL DEFAULT 0 CHECK (issued_units >= 0),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT project_subsidised_half_to_japan CHECK (NOT subsidised OR government_share >= 0.5)
    )`);
    // The issuance id is also the operation id of its journal entry (journal_entry.operation_id).
    await q.query(`CREATE TABLE credits.issuance (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES credits.project (id),
      registry text NOT NULL REFERENCES credits.registry (code),
      vintage integer NOT NULL CHECK (vintage BETWEEN 2013 AND 2100),
      monitoring_start date NOT NULL,
      monitoring_end date NOT NULL CHECK (monitoring_end >= monitoring_start),
      joint_committee_ref text NOT NULL,
      quantity bigint NOT NULL CHECK (quantity > 0),
      government_quantity bigint NOT NULL CHECK (government_quantity BETWEEN 0 AND quantity),
      first_unit bigint NOT NULL CHECK (first_unit >= 1),
      last_unit bigint NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (last_unit - first_unit + 1 = quantity),
      -- A monitoring period is credited once: no double issuance for overlapping periods of one project.
      CONSTRAINT issuance_period_once EXCLUDE USING gist
        (project_id WITH =, daterange(monitoring_start, monitoring_end, '[]') WITH &&)
    )`);
    await q.query(`CREATE TABLE credits.credit_block (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      issuance_id uuid NOT NULL REFERENCES credits.issuance (id),
      project_id uuid NOT NULL REFERENCES credits.project (id),
      registry text NOT NULL,
      project_reference text NOT NULL,
      vintage integer NOT NULL,
      first_unit bigint NOT NULL CHECK (first_unit >= 1),
      last_unit bigint NOT NULL,
      quantity bigint GENERATED ALWAYS AS (last_unit - first_unit + 1) STORED,
      account_id uuid NOT NULL REFERENCES credits.account (id),
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED', 'CANCELLED')),
      participant_org_ids uuid[] NOT NULL,
      version integer NOT NULL DEFAULT 0,
      CHECK (last_unit >= first_unit),
      CONSTRAINT credit_block_no_overlap EXCLUDE USING gist
        (project_id WITH =, int8range(first_unit, last_unit, '[]') WITH &&)
    )`);
    await q.query(
      `CREATE INDEX credit_block_account ON credits.credit_block (account_id, vintage, project_reference, first_unit)`,
    );
    await q.query(`CREATE INDEX credit_block_issuance ON credits.credit_block (issuance_id, first_unit)`);
    await q.query(participantPolicySql('credits', 'credit_block'));
    await q.query(`CREATE FUNCTION credits.credit_block_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'credit blocks are never deleted (block %)', OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF OLD.status <> 'ACTIVE' THEN
          RAISE EXCEPTION '% block % never moves or changes again', lower(OLD.status), OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF NEW.issuance_id <> OLD.issuance_id OR NEW.project_id <> OLD.project_id OR NEW.vintage <> OLD.vintage
           OR NEW.registry <> OLD.registry THEN
          RAISE EXCEPTION 'the origin of block % is immutable', OLD.id USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER credit_block_guard BEFORE UPDATE OR DELETE ON credits.credit_block
      FOR EACH ROW EXECUTE FUNCTION credits.credit_block_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credits.credit_block`);
    await q.query(`DROP FUNCTION credits.credit_block_guard()`);
    await q.query(`DROP TABLE credits.issuance`);
    await q.query(`DROP TABLE credits.project`);
  }
}
