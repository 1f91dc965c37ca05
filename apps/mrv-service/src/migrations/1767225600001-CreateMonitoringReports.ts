import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * Verified monitoring reports (モニタリング報告書の検証): the minimum that publishes `mrv.monitoring-report.verified`.
 * A monitoring period of a project is verified once (exclusion constraint), so reductions are never credited twice.
 */
export class CreateMonitoringReports1767225600001 implements MigrationInterface {
  name = 'CreateMonitoringReports1767225600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TABLE mrv.monitoring_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_reference text NOT NULL CHECK (project_reference ~ '^[A-Z]{2}[A-Z0-9]{1,18}$'),
      monitoring_start date NOT NULL,
      monitoring_end date NOT NULL CHECK (monitoring_end >= monitoring_start),
      calculation jsonb NOT NULL,
      reference_emissions_t numeric NOT NULL,
      project_emissions_t numeric NOT NULL,
      emission_reduction_exact_t numeric NOT NULL,
      verified_emission_reductions bigint NOT NULL CHECK (verified_emission_reductions > 0),
      tpe_org_id uuid NOT NULL,
      verification_date date NOT NULL CHECK (verification_date >= monitoring_end),
      verification_report_ref text NOT NULL,
      status text NOT NULL DEFAULT 'VERIFIED' CHECK (status = 'VERIFIED'),
      idempotency_key text,
      request_hash text NOT NULL,
      participant_org_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT monitoring_report_period_once EXCLUDE USING gist
        (project_reference WITH =, daterange(monitoring_start, monitoring_end, '[]') WITH &&)
    )`);
    await q.query(`CREATE UNIQUE INDEX monitoring_report_idempotency ON mrv.monitoring_report (tpe_org_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
    await q.query(participantPolicySql('mrv', 'monitoring_report'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mrv.monitoring_report`);
  }
}
