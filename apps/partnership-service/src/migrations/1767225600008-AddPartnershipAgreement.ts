import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 協定等の締結状況 of a city pair (concluded with its type and date, or planned), and the fiscal years the pair
 * worked together before this platform (they count for the 7-year rule).
 */
export class AddPartnershipAgreement1767225600008 implements MigrationInterface {
  name = 'AddPartnershipAgreement1767225600008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnership.partnership
      ADD COLUMN agreement_status text NOT NULL DEFAULT 'PLANNED' CHECK (agreement_status IN ('CONCLUDED', 'PLANNED', 'NONE')),
      ADD COLUMN agreement_type text CHECK (agreement_type IS NULL OR length(agreement_type) BETWEEN 1 AND 100),
      ADD COLUMN agreement_date date,
      ADD COLUMN declared_history_fiscal_years int[] NOT NULL DEFAULT '{}',
      ADD CONSTRAINT partnership_agreement_concluded CHECK (
        agreement_status <> 'CONCLUDED' OR (agreement_type IS NOT NULL AND agreement_date IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnership.partnership
      DROP CONSTRAINT partnership_agreement_concluded,
      DROP COLUMN declared_history_fiscal_years,
      DROP COLUMN agreement_date,
      DROP COLUMN agreement_type,
      DROP COLUMN agreement_status`);
  }
}
