import { createHash } from 'crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHILLER_METHODOLOGY, methodologyCanonicalJson, SOLAR_PV_METHODOLOGY } from '@jcm/rules';
import { idempotencyPlumbingDownSql, idempotencyPlumbingUpSql, participantPolicySql } from '@jcm/service-kit';

/**
 * Issue #11 items 1–4: methodologies as versioned data, TPE accreditations, JCM projects with their monitoring
 * plan, monitoring reports that start as the company's drafts (the table evolves: the report is no longer born
 * verified), TPE findings with responses. Legacy one-step verified reports keep their rows and columns.
 */
export class CreateMrvWorkflow1767225600002 implements MigrationInterface {
  name = 'CreateMrvWorkflow1767225600002';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of idempotencyPlumbingUpSql('mrv')) await q.query(sql);
    // Reference data: every signed-in user reads published versions; the service checks who writes.
    await q.query(`CREATE TABLE mrv.methodology_version (
      methodology_id text NOT NULL,
      version text NOT NULL CHECK (version ~ '^\\d{1,3}\\.\\d{1,3}$'),
      status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
      title_ja text NOT NULL,
      title_en text NOT NULL,
      sectoral_scope int NOT NULL CHECK (sectoral_scope BETWEEN 1 AND 15),
      published_on date,
      document jsonb NOT NULL,
      canonical_sha256 text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (methodology_id, version),
      CHECK ((status = 'PUBLISHED') = (published_on IS NOT NULL))
    )`);
    // A published version never changes (reports re-run against its exact bytes): the database refuses it too.
    await q.query(`CREATE FUNCTION mrv.refuse_published_methodology_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'methodology % % is published and cannot change', OLD.methodology_id, OLD.version
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER methodology_version_published_immutable BEFORE UPDATE OR DELETE ON mrv.methodology_version
      FOR EACH ROW EXECUTE FUNCTION mrv.refuse_published_methodology_change()`);
    // The two shipped methodologies (issue #11 scope 1), published.
    for (const m of [SOLAR_PV_METHODOLOGY, CHILLER_METHODOLOGY]) {
      await q.query(
        `INSERT INTO mrv.methodology_version (methodology_id, version, status, title_ja, title_en, sectoral_scope, published_on, document, canonical_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          m.id,
          m.version,
          m.status,
          m.title.ja,
          m.title.en,
          m.sectoralScope,
          m.publishedOn ?? null,
          JSON.stringify(m),
          createHash('sha256').update(methodologyCanonicalJson(m)).digest('hex'),
        ],
      );
    }
    await q.query(`CREATE TABLE mrv.tpe_accreditation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tpe_org_id uuid NOT NULL,
      sectoral_scope int NOT NULL CHECK (sectoral_scope BETWEEN 1 AND 15),
      valid_from date NOT NULL,
      valid_until date CHECK (valid_until IS NULL OR valid_until >= valid_from),
      reference text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE mrv.jcm_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_reference text NOT NULL UNIQUE CHECK (project_reference ~ '^[A-Z]{2}[A-Z0-9]{1,18}$'),
      host_country text NOT NULL CHECK (host_country ~ '^[A-Z]{2}$'),
      title_ja text NOT NULL,
      title_en text NOT NULL,
      status text NOT NULL DEFAULT 'PDD_DRAFTED' CHECK (status IN ('PDD_DRAFTED', 'VALIDATION', 'VALIDATED', 'REGISTERED')),
      company_org_id uuid NOT NULL,
      -- the company and the other project participants: what every monitoring report of the project is shared with
      consortium_org_ids uuid[] NOT NULL,
      grant_id text,
      registry_project_ref text,
      technologies jsonb NOT NULL,
      pdd jsonb,
      stakeholder_consultation jsonb,
      validator_org_id uuid,
      validation_opinion text CHECK (validation_opinion IN ('POSITIVE', 'NEGATIVE')),
      validation_statement text,
      registered_on date,
      jc_registration_ref text,
      participant_org_ids uuid[] NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'REGISTERED' OR registered_on IS NOT NULL)
    )`);
    await q.query(participantPolicySql('mrv', 'jcm_project'));
    // The report evolves: drafts by the company, checked and calculated on every save; legacy columns optional.
    await q.query(`ALTER TABLE mrv.monitoring_report DROP CONSTRAINT monitoring_report_status_check`);
    await q.query(`ALTER TABLE mrv.monitoring_report
      ALTER COLUMN status SET DEFAULT 'DRAFT',
      ADD CONSTRAINT monitoring_report_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'REFUSED')),
      ALTER COLUMN calculation DROP NOT NULL,
      ALTER COLUMN reference_emissions_t DROP NOT NULL,
      ALTER COLUMN project_emissions_t DROP NOT NULL,
      ALTER COLUMN emission_reduction_exact_t DROP NOT NULL,
      ALTER COLUMN verified_emission_reductions DROP NOT NULL,
      ALTER COLUMN tpe_org_id DROP NOT NULL,
      ALTER COLUMN verification_date DROP NOT NULL,
      ALTER COLUMN verification_report_ref DROP NOT NULL,
      ALTER COLUMN request_hash DROP NOT NULL,
      ADD COLUMN project_id uuid REFERENCES mrv.jcm_project(id),
      ADD COLUMN company_org_id uuid,
      ADD COLUMN technologies jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN issues jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN technology_ers jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN total_er_t bigint,
      ADD COLUMN canonical_trace text,
      ADD COLUMN calculation_sha256 text CHECK (calculation_sha256 ~ '^[0-9a-f]{64}$'),
      ADD COLUMN engine_version text,
      ADD COLUMN methodologies jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN verification_opinion text CHECK (verification_opinion IN ('POSITIVE', 'QUALIFIED', 'ADVERSE')),
      ADD COLUMN verification_statement text,
      ADD COLUMN submitted_at timestamptz,
      ADD COLUMN version int NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT monitoring_report_verified_has_er CHECK (status <> 'VERIFIED' OR verified_emission_reductions > 0)`);
    // verification_date >= monitoring_end stays as it is: a NULL date (not verified yet) passes a CHECK.
    await q.query(`CREATE INDEX monitoring_report_project ON mrv.monitoring_report (project_id)`);
    await q.query(`CREATE TABLE mrv.finding (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject text NOT NULL CHECK (subject IN ('VALIDATION', 'VERIFICATION')),
      subject_id uuid NOT NULL,
      number text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('CAR', 'CL', 'FAR')),
      text text NOT NULL,
      parameter_id text,
      raised_by_org_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESPONDED', 'RESOLVED')),
      responses jsonb NOT NULL DEFAULT '[]',
      participant_org_ids uuid[] NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (subject_id, number)
    )`);
    await q.query(participantPolicySql('mrv', 'finding'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mrv.finding`);
    await q.query(`DELETE FROM mrv.monitoring_report WHERE project_id IS NOT NULL OR calculation IS NULL`);
    await q.query(`ALTER TABLE mrv.monitoring_report DROP CONSTRAINT monitoring_report_verified_has_er`);
    await q.query(`ALTER TABLE mrv.monitoring_report DROP CONSTRAINT monitoring_report_status_check`);
    await q.query(`ALTER TABLE mrv.monitoring_report
      DROP COLUMN project_id, DROP COLUMN company_org_id, DROP COLUMN technologies, DROP COLUMN issues, DROP COLUMN technology_ers,
      DROP COLUMN total_er_t, DROP COLUMN canonical_trace, DROP COLUMN calculation_sha256, DROP COLUMN engine_version,
      DROP COLUMN methodologies, DROP COLUMN verification_opinion, DROP COLUMN verification_statement, DROP COLUMN submitted_at,
      DROP COLUMN version, DROP COLUMN updated_at,
      ALTER COLUMN status SET DEFAULT 'VERIFIED',
      ADD CONSTRAINT monitoring_report_status_check CHECK (status = 'VERIFIED'),
      ALTER COLUMN calculation SET NOT NULL, ALTER COLUMN reference_emissions_t SET NOT NULL,
      ALTER COLUMN project_emissions_t SET NOT NULL, ALTER COLUMN emission_reduction_exact_t SET NOT NULL,
      ALTER COLUMN verified_emission_reductions SET NOT NULL, ALTER COLUMN tpe_org_id SET NOT NULL,
      ALTER COLUMN verification_date SET NOT NULL, ALTER COLUMN verification_report_ref SET NOT NULL,
      ALTER COLUMN request_hash SET NOT NULL`);
    await q.query(`DROP TABLE mrv.jcm_project`);
    await q.query(`DROP TABLE mrv.tpe_accreditation`);
    await q.query(`DROP TRIGGER methodology_version_published_immutable ON mrv.methodology_version`);
    await q.query(`DROP TABLE mrv.methodology_version`);
    await q.query(`DROP FUNCTION mrv.refuse_published_methodology_change()`);
    for (const sql of idempotencyPlumbingDownSql('mrv')) await q.query(sql);
  }
}
