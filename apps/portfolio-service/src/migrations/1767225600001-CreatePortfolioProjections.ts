import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * The portfolio's projections of other services' events (DESIGN §2: never their schemas). Every row carries the
 * event time it was last written from (`as_of`), so an upsert keeps the newest state whatever order events arrive
 * in, and `participant_org_ids` for RLS. Rows whose tenancy comes from a parent (a monthly report from its
 * contract, an issuance from its project) start empty and are filled when the parent is known.
 */
const TABLES = [
  `CREATE TABLE portfolio.partnership (
    partnership_id uuid PRIMARY KEY,
    title_ja text NOT NULL,
    title_en text NOT NULL,
    municipality jsonb NOT NULL,
    partner_city jsonb NOT NULL,
    partner_country text NOT NULL,
    participant_org_ids uuid[] NOT NULL,
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.contract (
    contract_id uuid PRIMARY KEY,
    partnership_id uuid,
    fiscal_year int NOT NULL,
    title_ja text NOT NULL,
    title_en text NOT NULL,
    company jsonb NOT NULL,
    municipality jsonb NOT NULL,
    partner_city jsonb NOT NULL,
    contract_amount_yen bigint NOT NULL,
    state text NOT NULL,
    participant_org_ids uuid[] NOT NULL,
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.monthly_report (
    report_id uuid PRIMARY KEY,
    contract_id uuid NOT NULL,
    month text NOT NULL,
    due_date date NOT NULL,
    state text NOT NULL,
    submitted_at timestamptz,
    acknowledged_at timestamptz,
    participant_org_ids uuid[] NOT NULL DEFAULT '{}',
    as_of timestamptz NOT NULL
  )`,
  `CREATE INDEX monthly_report_contract ON portfolio.monthly_report (contract_id)`,
  `CREATE INDEX monthly_report_due ON portfolio.monthly_report (due_date) WHERE state IN ('draft', 'returned')`,
  `CREATE TABLE portfolio.jcm_lead (
    lead_id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL,
    title_ja text NOT NULL,
    title_en text NOT NULL,
    technology text NOT NULL,
    status text NOT NULL,
    estimated_tco2_per_year numeric NOT NULL,
    estimated_cost_yen bigint NOT NULL,
    participant_org_ids uuid[] NOT NULL DEFAULT '{}',
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.credit_project (
    project_id uuid PRIMARY KEY,
    reference text NOT NULL,
    partner_country text NOT NULL,
    methodology text NOT NULL,
    participant_org_ids uuid[] NOT NULL,
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.issuance (
    issuance_id uuid PRIMARY KEY,
    project_id uuid NOT NULL,
    registry text NOT NULL,
    vintage int NOT NULL,
    quantity numeric NOT NULL,
    government_quantity numeric NOT NULL,
    participant_org_ids uuid[] NOT NULL DEFAULT '{}',
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.credit_account (
    account_id uuid PRIMARY KEY,
    registry text NOT NULL,
    owner_org_id uuid NOT NULL,
    participant_org_ids uuid[] NOT NULL,
    as_of timestamptz NOT NULL
  )`,
  `CREATE TABLE portfolio.retirement (
    movement_id uuid PRIMARY KEY,
    from_account_id uuid NOT NULL,
    quantity numeric NOT NULL,
    participant_org_ids uuid[] NOT NULL DEFAULT '{}',
    as_of timestamptz NOT NULL
  )`,
  // Stages of other services (grants applications, awards, decisions; MRV registrations, verifications) as one
  // table, so a new producer's event plugs in as one handler entry, with no migration.
  `CREATE TABLE portfolio.pipeline_record (
    stage text NOT NULL,
    record_id text NOT NULL,
    partnership_id uuid,
    yen bigint NOT NULL DEFAULT 0,
    tco2 numeric NOT NULL DEFAULT 0,
    participant_org_ids uuid[] NOT NULL,
    as_of timestamptz NOT NULL,
    PRIMARY KEY (stage, record_id)
  )`,
];

const RLS_TABLES = [
  'partnership',
  'contract',
  'monthly_report',
  'jcm_lead',
  'credit_project',
  'issuance',
  'credit_account',
  'retirement',
  'pipeline_record',
];

export class CreatePortfolioProjections1767225600001 implements MigrationInterface {
  name = 'CreatePortfolioProjections1767225600001';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of TABLES) await q.query(sql);
    for (const t of RLS_TABLES) await q.query(participantPolicySql('portfolio', t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...RLS_TABLES].reverse()) await q.query(`DROP TABLE portfolio.${t}`);
  }
}

/** The projection tables a replay empties before it re-reads the stream. */
export const PORTFOLIO_PROJECTION_TABLES = RLS_TABLES;
