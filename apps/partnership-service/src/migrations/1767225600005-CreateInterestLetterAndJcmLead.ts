import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * 関心表明レター (metadata, and the files in their own bytea table so lists never load content) and JCM leads
 * (出口戦略: JCM projects found through the partnership).
 */
export class CreateInterestLetterAndJcmLead1767225600005 implements MigrationInterface {
  name = 'CreateInterestLetterAndJcmLead1767225600005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.interest_letter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      proposal_id uuid NOT NULL REFERENCES partnership.proposal(id),
      issuer jsonb NOT NULL,
      issuer_role text NOT NULL CHECK (issuer_role IN ('JP_MUNICIPALITY', 'PARTNER_CITY', 'STAKEHOLDER')),
      language text,
      signatory_name text,
      signatory_title text,
      signed_on date,
      statement text,
      state text NOT NULL DEFAULT 'requested'
        CHECK (state IN ('requested', 'received', 'translation_attached', 'attached_to_proposal')),
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(participantPolicySql('partnership', 'interest_letter'));
    await q.query(`CREATE TABLE partnership.interest_letter_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      letter_id uuid NOT NULL REFERENCES partnership.interest_letter(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('ORIGINAL', 'TRANSLATION')),
      filename text NOT NULL,
      media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes int NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      participant_org_ids uuid[] NOT NULL,
      uploaded_by uuid NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (letter_id, kind)
    )`);
    await q.query(participantPolicySql('partnership', 'interest_letter_file'));

    await q.query(`CREATE TABLE partnership.jcm_lead (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnership.partnership(id),
      contract_id uuid REFERENCES partnership.annual_contract(id),
      title_ja text NOT NULL,
      title_en text NOT NULL,
      technology text NOT NULL,
      estimated_tco2_per_year numeric NOT NULL CHECK (estimated_tco2_per_year >= 0),
      estimated_cost_yen bigint NOT NULL CHECK (estimated_cost_yen >= 0),
      consortium jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'identified'
        CHECK (status IN ('identified', 'feasibility', 'jcm_subsidy_applied', 'grant_decided', 'other_exit')),
      status_note text,
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(participantPolicySql('partnership', 'jcm_lead'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.jcm_lead`);
    await q.query(`DROP TABLE partnership.interest_letter_file`);
    await q.query(`DROP TABLE partnership.interest_letter`);
  }
}
