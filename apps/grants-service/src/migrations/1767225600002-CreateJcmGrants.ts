import { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotencyPlumbingDownSql, idempotencyPlumbingUpSql, participantPolicySql } from '@jcm/service-kit';

/**
 * JCM設備補助: calls (公募), applications (申請, a versioned document), their versions, review records and the
 * delegation of filing (代理申請). Participant rows are RLS-filtered by `participant_org_ids`; score sheets carry
 * none, so only MOE and the secretariat see them.
 */
export class CreateJcmGrants1767225600002 implements MigrationInterface {
  name = 'CreateJcmGrants1767225600002';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of idempotencyPlumbingUpSql('grants')) await q.query(sql);
    await q.query(`CREATE TABLE grants.grant_call (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      fiscal_year int NOT NULL,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      preset_id text NOT NULL,
      overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      first_batch_received_by date,
      budget_yen bigint NOT NULL CHECK (budget_yen > 0),
      adopted_yen bigint NOT NULL DEFAULT 0,
      reviewer_user_ids uuid[] NOT NULL DEFAULT '{}',
      form_version int NOT NULL DEFAULT 1,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'closed')),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at > opens_at),
      CONSTRAINT grant_call_budget_not_overspent CHECK (adopted_yen >= 0 AND adopted_yen <= budget_yen)
    )`);
    await q.query(`ALTER TABLE grants.grant_call ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE grants.grant_call FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY grant_call_read ON grants.grant_call FOR SELECT
      USING (grants.current_org_sees_all() OR (state <> 'draft' AND grants.current_org_id() IS NOT NULL))`);
    await q.query(`CREATE POLICY grant_call_write ON grants.grant_call FOR ALL
      USING (grants.current_org_sees_all()) WITH CHECK (grants.current_org_sees_all())`);

    await q.query(`CREATE TABLE grants.application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES grants.grant_call(id),
      form_kind text NOT NULL CHECK (form_kind IN ('A', 'B')),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'adopted', 'rejected')),
      version int NOT NULL DEFAULT 1,
      form_version int NOT NULL,
      content jsonb NOT NULL,
      consortium jsonb NOT NULL,
      representative_org_id uuid NOT NULL,
      member_org_ids uuid[] NOT NULL,
      countries text[] NOT NULL DEFAULT '{}',
      technology_ids text[] NOT NULL DEFAULT '{}',
      jcm_lead_id uuid,
      submitted_at timestamptz,
      decided_at timestamptz,
      adopted_max_subsidy_yen bigint,
      assigned_rates jsonb NOT NULL DEFAULT '[]'::jsonb,
      rejection_reason text,
      participant_org_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX application_call ON grants.application (call_id, state)`);
    await q.query(
      `CREATE INDEX application_participants ON grants.application USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('grants', 'application'));

    await q.query(`CREATE TABLE grants.application_version (
      application_id uuid NOT NULL REFERENCES grants.application(id),
      version int NOT NULL,
      reason text NOT NULL CHECK (reason IN ('created', 'saved', 'submitted', 'resubmitted', 'migrated')),
      content jsonb NOT NULL,
      changed_paths text[] NOT NULL DEFAULT '{}',
      actor_org_id uuid NOT NULL,
      actor_user_id uuid NOT NULL,
      on_behalf_of_org_id uuid,
      saved_at timestamptz NOT NULL DEFAULT now(),
      participant_org_ids uuid[] NOT NULL,
      PRIMARY KEY (application_id, version)
    )`);
    await q.query(participantPolicySql('grants', 'application_version'));

    await q.query(`CREATE TABLE grants.application_delegation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES grants.application(id),
      delegate_org_id uuid NOT NULL,
      until date NOT NULL,
      granted_by_org_id uuid NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      participant_org_ids uuid[] NOT NULL
    )`);
    await q.query(participantPolicySql('grants', 'application_delegation'));

    await q.query(`CREATE TABLE grants.application_screening (
      application_id uuid PRIMARY KEY REFERENCES grants.application(id),
      items jsonb NOT NULL,
      passed boolean NOT NULL,
      failed_items text[] NOT NULL,
      screened_by uuid NOT NULL,
      screened_at timestamptz NOT NULL DEFAULT now(),
      participant_org_ids uuid[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(participantPolicySql('grants', 'application_screening'));

    await q.query(`CREATE TABLE grants.application_score (
      application_id uuid NOT NULL REFERENCES grants.application(id),
      reviewer_user_id uuid NOT NULL,
      points jsonb NOT NULL,
      base_score int NOT NULL,
      bonus int NOT NULL,
      total int NOT NULL,
      comment text NOT NULL,
      scored_at timestamptz NOT NULL DEFAULT now(),
      participant_org_ids uuid[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (application_id, reviewer_user_id)
    )`);
    await q.query(participantPolicySql('grants', 'application_score'));

    await q.query(`CREATE TABLE grants.application_return (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES grants.application(id),
      comments jsonb NOT NULL,
      returned_at timestamptz NOT NULL,
      submitted_at timestamptz NOT NULL,
      from_version int NOT NULL,
      resubmitted_at timestamptz,
      to_version int,
      changes jsonb NOT NULL DEFAULT '[]'::jsonb,
      participant_org_ids uuid[] NOT NULL
    )`);
    await q.query(participantPolicySql('grants', 'application_return'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'application_return',
      'application_score',
      'application_screening',
      'application_delegation',
      'application_version',
      'application',
      'grant_call',
    ]) {
      await q.query(`DROP TABLE grants.${t}`);
    }
    for (const sql of idempotencyPlumbingDownSql('grants')) await q.query(sql);
  }
}
