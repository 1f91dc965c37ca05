import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * The records behind a contract's milestones (city-partnerships.md §2.5, §6.6, §6.9): 報告会 with materials and
 * minutes, 精算報告 with expense lines in integer yen (bigint), and the 成果物 checklist. Settlement reports carry
 * only the contractor in `participant_org_ids` (§1.3: the municipality and the partner city do not see them).
 * Signed contracts that predate this migration get their checklist here.
 */
export class CreateYearEndRecords1767225600006 implements MigrationInterface {
  name = 'CreateYearEndRecords1767225600006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.report_meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES partnership.annual_contract(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('KICKOFF', 'INTERIM', 'FINAL')),
      state text NOT NULL DEFAULT 'scheduled'
        CHECK (state IN ('scheduled', 'materials_submitted', 'held', 'minutes_recorded', 'deliverables_requested')),
      scheduled_on date NOT NULL,
      held_on date,
      online_url text,
      materials jsonb NOT NULL DEFAULT '[]',
      minutes_text text,
      minutes_confirmations jsonb NOT NULL DEFAULT '[]',
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, kind),
      CHECK (state <> 'deliverables_requested' OR kind = 'FINAL')
    )`);
    await q.query(
      `CREATE INDEX report_meeting_participants ON partnership.report_meeting USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'report_meeting'));

    await q.query(`CREATE TABLE partnership.settlement_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES partnership.annual_contract(id) ON DELETE CASCADE,
      sequence int NOT NULL CHECK (sequence > 0),
      period_from date NOT NULL,
      period_to date NOT NULL CHECK (period_to >= period_from),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted', 'returned')),
      subtotal_excl_tax_yen bigint NOT NULL CHECK (subtotal_excl_tax_yen >= 0),
      consumption_tax_yen bigint NOT NULL CHECK (consumption_tax_yen >= 0),
      total_incl_tax_yen bigint NOT NULL CHECK (total_incl_tax_yen = subtotal_excl_tax_yen + consumption_tax_yen),
      return_comment text,
      submitted_at timestamptz,
      accepted_at timestamptz,
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, sequence)
    )`);
    await q.query(
      `CREATE INDEX settlement_report_participants ON partnership.settlement_report USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'settlement_report'));
    await q.query(`CREATE TABLE partnership.settlement_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES partnership.settlement_report(id) ON DELETE CASCADE,
      position int NOT NULL,
      category text NOT NULL,
      amount_yen bigint NOT NULL CHECK (amount_yen >= 0),
      note text,
      participant_org_ids uuid[] NOT NULL,
      UNIQUE (report_id, position)
    )`);
    await q.query(participantPolicySql('partnership', 'settlement_line'));

    await q.query(`CREATE TABLE partnership.deliverable (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES partnership.annual_contract(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('WORK_REPORT_JA_PAPER', 'SUMMARY_PPT_JA', 'SUMMARY_PPT_EN', 'ELECTRONIC_MEDIA_DVD_R')),
      title_ja text NOT NULL,
      title_en text NOT NULL,
      required boolean NOT NULL DEFAULT true,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'submitted', 'accepted')),
      file_ref text,
      url text,
      note text,
      return_comment text,
      submitted_at timestamptz,
      accepted_at timestamptz,
      participant_org_ids uuid[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, kind)
    )`);
    await q.query(
      `CREATE INDEX deliverable_participants ON partnership.deliverable USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'deliverable'));
    // ガイドブック 表3 ①: the checklist of every existing contract (new ones get it at selection).
    await q.query(`INSERT INTO partnership.deliverable (contract_id, kind, title_ja, title_en, participant_org_ids)
      SELECT c.id, d.kind, d.title_ja, d.title_en, c.participant_org_ids FROM partnership.annual_contract c CROSS JOIN (VALUES
        ('WORK_REPORT_JA_PAPER', '業務報告書（日本語版・紙媒体）', 'Work report (Japanese, on paper)'),
        ('SUMMARY_PPT_JA', '概要版（日本語・PPT形式）', 'Summary (Japanese, PPT)'),
        ('SUMMARY_PPT_EN', '概要版（英語・PPT形式）', 'Summary (English, PPT)'),
        ('ELECTRONIC_MEDIA_DVD_R', '電子データ（電子媒体 DVD-R）', 'Electronic data (DVD-R)')) AS d(kind, title_ja, title_en)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.deliverable`);
    await q.query(`DROP TABLE partnership.settlement_line`);
    await q.query(`DROP TABLE partnership.settlement_report`);
    await q.query(`DROP TABLE partnership.report_meeting`);
  }
}
