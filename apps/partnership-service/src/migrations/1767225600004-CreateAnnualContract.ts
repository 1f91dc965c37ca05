import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * 単年度契約 with its amount history (契約金額・減額・中止) and its 月次報告 rows, all keyed by the contract's
 * participants. One contract per proposal: selection is naturally idempotent.
 */
export class CreateAnnualContract1767225600004 implements MigrationInterface {
  name = 'CreateAnnualContract1767225600004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.annual_contract (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      proposal_id uuid NOT NULL UNIQUE REFERENCES partnership.proposal(id),
      call_id uuid NOT NULL REFERENCES partnership.call_round(id),
      partnership_id uuid REFERENCES partnership.partnership(id),
      fiscal_year int NOT NULL,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      company jsonb NOT NULL,
      municipality jsonb NOT NULL,
      partner_city jsonb NOT NULL,
      requested_yen bigint NOT NULL,
      contract_amount_yen bigint NOT NULL CHECK (contract_amount_yen >= 0 AND contract_amount_yen <= requested_yen),
      budget_lines jsonb NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL CHECK (end_date >= start_date),
      state text NOT NULL DEFAULT 'negotiation' CHECK (state IN ('negotiation', 'contracted', 'kickoff_reported',
        'in_progress', 'interim_reported', 'final_reported', 'deliverables_submitted', 'settled', 'closed', 'suspended')),
      participant_org_ids uuid[] NOT NULL CHECK (cardinality(participant_org_ids) >= 3),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX annual_contract_participants ON partnership.annual_contract USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'annual_contract'));

    await q.query(`CREATE TABLE partnership.contract_amount_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES partnership.annual_contract(id) ON DELETE CASCADE,
      amount_yen bigint NOT NULL CHECK (amount_yen >= 0),
      reason text NOT NULL CHECK (reason IN ('CONTRACTED', 'REDUCED', 'SUSPENDED')),
      effective_date date NOT NULL,
      note text,
      idempotency_key text,
      participant_org_ids uuid[] NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, idempotency_key)
    )`);
    await q.query(participantPolicySql('partnership', 'contract_amount_change'));

    await q.query(`CREATE TABLE partnership.monthly_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES partnership.annual_contract(id) ON DELETE CASCADE,
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
      due_date date NOT NULL,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'resubmitted', 'acknowledged')),
      progress_text text NOT NULL DEFAULT '',
      upcoming jsonb NOT NULL DEFAULT '[]',
      return_comment text,
      submitted_at timestamptz,
      acknowledged_at timestamptz,
      participant_org_ids uuid[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, month)
    )`);
    await q.query(
      `CREATE INDEX monthly_report_participants ON partnership.monthly_report USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'monthly_report'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.monthly_report`);
    await q.query(`DROP TABLE partnership.contract_amount_change`);
    await q.query(`DROP TABLE partnership.annual_contract`);
  }
}
