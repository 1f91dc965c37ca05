import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/** 企画書 (proposal) of a call: visible to the consortium (company, municipality, partner city, others) and MOE. */
export class CreateProposal1767225600003 implements MigrationInterface {
  name = 'CreateProposal1767225600003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.proposal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES partnership.call_round(id),
      kind text NOT NULL CHECK (kind IN ('NEW', 'CONTINUING')),
      partnership_id uuid REFERENCES partnership.partnership(id),
      company jsonb NOT NULL,
      municipality jsonb NOT NULL,
      partner_city jsonb NOT NULL,
      other_members jsonb NOT NULL DEFAULT '[]',
      phase int NOT NULL,
      year_in_phase int NOT NULL,
      fiscal_year int NOT NULL,
      pair_history_fiscal_years int[] NOT NULL DEFAULT '{}',
      pair_year_count int NOT NULL,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      target_fields text[] NOT NULL,
      summary_ja text NOT NULL,
      summary_en text NOT NULL,
      eligibility jsonb NOT NULL,
      requested_yen bigint NOT NULL CHECK (requested_yen >= 0),
      budget_lines jsonb NOT NULL,
      state text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'submitted', 'withdrawn', 'under_review', 'selected', 'rejected')),
      score jsonb,
      score_total int,
      decision_reason text,
      findings jsonb NOT NULL DEFAULT '[]',
      submitted_at timestamptz,
      participant_org_ids uuid[] NOT NULL CHECK (cardinality(participant_org_ids) >= 3),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX proposal_participants ON partnership.proposal USING gin (participant_org_ids)`,
    );
    await q.query(`CREATE INDEX proposal_call ON partnership.proposal (call_id, state)`);
    await q.query(participantPolicySql('partnership', 'proposal'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.proposal`);
  }
}
