import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * 登録簿 and 口座. A registry per side (Japan's and each partner country's); an account belongs to one registry and
 * one organisation and is visible (RLS, forced) to that organisation and to MOE / the secretariat.
 * The balance is the running total of the account's journal lines, kept here so a posting can lock it, check it
 * and refuse to go below zero; `verify-ledger` recomputes it from the journal.
 */
export class CreateRegistriesAndAccounts1767312000001 implements MigrationInterface {
  name = 'CreateRegistriesAndAccounts1767312000001';

  async up(q: QueryRunner): Promise<void> {
    // Registries are public reference data (the list of JCM registries), so no RLS.
    await q.query(`CREATE TABLE credits.registry (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
      name_en text NOT NULL,
      name_ja text NOT NULL,
      manager_org_id uuid NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE SEQUENCE credits.account_number_seq MAXVALUE 999999999`);
    await q.query(`CREATE TABLE credits.account (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_number text NOT NULL UNIQUE,
      registry text NOT NULL REFERENCES credits.registry (code),
      type text NOT NULL CHECK (type IN ('GOVERNMENT_HOLDING', 'ENTITY_HOLDING', 'CANCELLATION', 'RETIREMENT', 'ISSUANCE')),
      owner_org_id uuid NOT NULL,
      holder_name text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 200),
      participant_org_ids uuid[] NOT NULL,
      balance bigint NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 0,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT account_owner_is_participant CHECK (participant_org_ids = ARRAY[owner_org_id]),
      -- Last line of defence behind the service's own check: no holding ever goes negative; only the issuance
      -- contra account carries minus the registry's total issued.
      CONSTRAINT account_balance_not_negative CHECK (balance >= 0 OR type = 'ISSUANCE'),
      CONSTRAINT account_issuance_not_positive CHECK (type <> 'ISSUANCE' OR balance <= 0)
    )`);
    await q.query(`CREATE UNIQUE INDEX account_one_per_registry ON credits.account (registry, type)
      WHERE type IN ('ISSUANCE', 'CANCELLATION', 'RETIREMENT', 'GOVERNMENT_HOLDING')`);
    await q.query(`CREATE INDEX account_owner ON credits.account (owner_org_id)`);
    await q.query(participantPolicySql('credits', 'account'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credits.account`);
    await q.query(`DROP SEQUENCE credits.account_number_seq`);
    await q.query(`DROP TABLE credits.registry`);
  }
}
