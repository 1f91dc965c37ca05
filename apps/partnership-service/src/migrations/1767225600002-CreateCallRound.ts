import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 公募 (call round). Not owned by participants: a draft is visible to MOE / the secretariat only, a published call
 * to every signed-in organisation; only MOE / the secretariat write (city-partnerships.md §1.3).
 */
export class CreateCallRound1767225600002 implements MigrationInterface {
  name = 'CreateCallRound1767225600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.call_round (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      fiscal_year int NOT NULL,
      round int NOT NULL CHECK (round BETWEEN 1 AND 5),
      title_ja text NOT NULL,
      title_en text NOT NULL,
      preset_id text NOT NULL,
      opens_on date NOT NULL,
      closes_on date NOT NULL CHECK (closes_on >= opens_on),
      monthly_report_due_day int NOT NULL CHECK (monthly_report_due_day BETWEEN 1 AND 31),
      state text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'published', 'closed', 'under_review', 'results_published')),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (fiscal_year, round)
    )`);
    await q.query(`ALTER TABLE partnership.call_round ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE partnership.call_round FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY call_round_read ON partnership.call_round FOR SELECT
      USING (partnership.current_org_sees_all() OR (state <> 'draft' AND partnership.current_org_id() IS NOT NULL))`);
    await q.query(`CREATE POLICY call_round_write ON partnership.call_round FOR ALL
      USING (partnership.current_org_sees_all()) WITH CHECK (partnership.current_org_sees_all())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.call_round`);
  }
}
