import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

const GUARD_V1 = `CREATE OR REPLACE FUNCTION credits.credit_block_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  END $$`;

/**
 * Article 6.2 attributes per credit block (authorised use, first transfer, corresponding adjustment), their
 * append-only audit trail, and issuances pending from verified monitoring reports (mrv → credits).
 *
 * The block guard now lets a retired or cancelled block take a corresponding adjustment (Japan adjusts when it
 * uses units towards its NDC), and nothing else; an authorisation or adjustment, once recorded, is final.
 */
export class Article6AndPendingIssuances1767312000004 implements MigrationInterface {
  name = 'Article6AndPendingIssuances1767312000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credits.credit_block
      ADD COLUMN authorised_use text NOT NULL DEFAULT 'NONE' CHECK (authorised_use IN ('NDC', 'OIMP', 'NONE')),
      ADD COLUMN authorisation_ref text,
      ADD COLUMN authorised_at timestamptz,
      ADD COLUMN first_transfer_definition text
        CHECK (first_transfer_definition IN ('INTERNATIONAL_TRANSFER', 'AUTHORISATION', 'ISSUANCE', 'USE_OR_CANCELLATION')),
      ADD COLUMN first_transferred_at timestamptz,
      ADD COLUMN ca_applied_on date,
      ADD COLUMN ca_reference text,
      ADD CONSTRAINT credit_block_authorisation_complete CHECK (
        (authorised_use = 'NONE') = (authorisation_ref IS NULL AND authorised_at IS NULL AND first_transfer_definition IS NULL)),
      ADD CONSTRAINT credit_block_first_transfer_defined CHECK (first_transferred_at IS NULL OR first_transfer_definition IS NOT NULL),
      ADD CONSTRAINT credit_block_ca_needs_authorisation CHECK (ca_applied_on IS NULL OR authorised_use <> 'NONE'),
      ADD CONSTRAINT credit_block_ca_complete CHECK ((ca_applied_on IS NULL) = (ca_reference IS NULL))`);
    await q.query(`CREATE INDEX credit_block_project_units ON credits.credit_block (project_id, first_unit)`);
    await q.query(`CREATE OR REPLACE FUNCTION credits.credit_block_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'credit blocks are never deleted (block %)', OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF OLD.status <> 'ACTIVE' AND (NEW.account_id <> OLD.account_id OR NEW.status <> OLD.status
             OR NEW.first_unit <> OLD.first_unit OR NEW.last_unit <> OLD.last_unit
             OR NEW.participant_org_ids <> OLD.participant_org_ids OR NEW.authorised_use <> OLD.authorised_use
             OR NEW.authorisation_ref IS DISTINCT FROM OLD.authorisation_ref
             OR NEW.authorised_at IS DISTINCT FROM OLD.authorised_at
             OR NEW.first_transfer_definition IS DISTINCT FROM OLD.first_transfer_definition
             OR NEW.first_transferred_at IS DISTINCT FROM OLD.first_transferred_at) THEN
          RAISE EXCEPTION '% block % never moves or changes again', lower(OLD.status), OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF NEW.issuance_id <> OLD.issuance_id OR NEW.project_id <> OLD.project_id OR NEW.vintage <> OLD.vintage
           OR NEW.registry <> OLD.registry THEN
          RAISE EXCEPTION 'the origin of block % is immutable', OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF OLD.authorised_use <> 'NONE' AND (NEW.authorised_use <> OLD.authorised_use
             OR NEW.authorisation_ref IS DISTINCT FROM OLD.authorisation_ref OR NEW.authorised_at IS DISTINCT FROM OLD.authorised_at
             OR NEW.first_transfer_definition IS DISTINCT FROM OLD.first_transfer_definition) THEN
          RAISE EXCEPTION 'the Article 6 authorisation of block % is final', OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF OLD.first_transferred_at IS NOT NULL AND NEW.first_transferred_at IS DISTINCT FROM OLD.first_transferred_at THEN
          RAISE EXCEPTION 'the first transfer of block % is recorded for good', OLD.id USING ERRCODE = 'P0001';
        END IF;
        IF OLD.ca_applied_on IS NOT NULL AND (NEW.ca_applied_on IS DISTINCT FROM OLD.ca_applied_on
             OR NEW.ca_reference IS DISTINCT FROM OLD.ca_reference) THEN
          RAISE EXCEPTION 'the corresponding adjustment of block % is recorded for good', OLD.id USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$`);

    // Audit trail of Article 6 actions (akin to the AEF "actions" table): append-only, visible to the manager.
    await q.query(`CREATE TABLE credits.article6_action (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('AUTHORISATION', 'CORRESPONDING_ADJUSTMENT')),
      registry text NOT NULL REFERENCES credits.registry (code),
      project_id uuid NOT NULL REFERENCES credits.project (id),
      project_reference text NOT NULL,
      first_unit bigint NOT NULL CHECK (first_unit >= 1),
      last_unit bigint NOT NULL CHECK (last_unit >= first_unit),
      authorised_use text CHECK (authorised_use IN ('NDC', 'OIMP')),
      authorisation_ref text,
      oimp_first_transfer text CHECK (oimp_first_transfer IN ('AUTHORISATION', 'ISSUANCE', 'USE_OR_CANCELLATION')),
      applied_on date,
      reference text,
      serials jsonb NOT NULL,
      actor_user_id uuid NOT NULL,
      actor_org_id uuid NOT NULL,
      participant_org_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'AUTHORISATION') = (authorised_use IS NOT NULL AND authorisation_ref IS NOT NULL)),
      CHECK ((kind = 'CORRESPONDING_ADJUSTMENT') = (applied_on IS NOT NULL AND reference IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX article6_action_project ON credits.article6_action (project_id, created_at)`);
    await q.query(participantPolicySql('credits', 'article6_action'));
    await q.query(`CREATE FUNCTION credits.article6_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the Article 6 action log is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER article6_action_append_only BEFORE UPDATE OR DELETE ON credits.article6_action
      FOR EACH ROW EXECUTE FUNCTION credits.article6_append_only()`);

    // 発行待ち: one per verified monitoring report, whatever the number of deliveries of its event.
    await q.query(`CREATE TABLE credits.pending_issuance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      monitoring_report_id uuid NOT NULL UNIQUE,
      source_event_id uuid NOT NULL,
      project_reference text NOT NULL,
      registry text NOT NULL,
      monitoring_start date NOT NULL,
      monitoring_end date NOT NULL CHECK (monitoring_end >= monitoring_start),
      quantity bigint NOT NULL CHECK (quantity > 0),
      suggested_vintage integer NOT NULL,
      tpe_org_id uuid NOT NULL,
      verification_date date NOT NULL,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
      issuance_id uuid REFERENCES credits.issuance (id),
      rejection_reason text,
      decided_by uuid,
      decided_at timestamptz,
      participant_org_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'CONFIRMED') = (issuance_id IS NOT NULL)),
      CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
      CHECK ((status = 'PENDING') = (decided_at IS NULL))
    )`);
    await q.query(`CREATE INDEX pending_issuance_status ON credits.pending_issuance (status, created_at)`);
    await q.query(participantPolicySql('credits', 'pending_issuance'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credits.pending_issuance`);
    await q.query(`DROP TABLE credits.article6_action`);
    await q.query(`DROP FUNCTION credits.article6_append_only()`);
    await q.query(GUARD_V1);
    await q.query(`DROP INDEX credits.credit_block_project_units`);
    await q.query(`ALTER TABLE credits.credit_block
      DROP COLUMN authorised_use, DROP COLUMN authorisation_ref, DROP COLUMN authorised_at,
      DROP COLUMN first_transfer_definition, DROP COLUMN first_transferred_at, DROP COLUMN ca_applied_on, DROP COLUMN ca_reference`);
  }
}
