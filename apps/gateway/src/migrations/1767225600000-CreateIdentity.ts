import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantFunctionsSql, tenantFunctionsSql } from '@jcm/service-kit';

/**
 * identity: organisations (tenants), users, memberships and the append-only audit log. Organisations and users are
 * read before any tenant is known (login), so only the audit log carries RLS: an organisation reads its own trail.
 */
export class CreateIdentity1767225600000 implements MigrationInterface {
  name = 'CreateIdentity1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(tenantFunctionsSql('identity'));
    await q.query(`CREATE TABLE identity.organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL CHECK (type IN ('MOE','SECRETARIAT','MUNICIPALITY','PARTNER_CITY','COMPANY','TPE','PARTNER_GOVERNMENT')),
      name_ja text NOT NULL,
      name_en text NOT NULL,
      country char(2) NOT NULL,
      prefecture text,
      city text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE identity.app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE identity.membership (
      user_id uuid NOT NULL REFERENCES identity.app_user(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES identity.organisation(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin','editor','viewer')),
      PRIMARY KEY (user_id, org_id)
    )`);
    await q.query(`CREATE TABLE identity.audit_log (
      seq bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      user_id uuid,
      org_id uuid,
      org_type text,
      action text NOT NULL,
      resource text NOT NULL,
      outcome integer NOT NULL,
      correlation_id text,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
    // Append-only: no role, not even the owner, may rewrite history.
    await q.query(`CREATE FUNCTION identity.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON identity.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION identity.audit_log_is_append_only()`);
    await q.query(`ALTER TABLE identity.audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE identity.audit_log FORCE ROW LEVEL SECURITY`);
    const own = `identity.current_org_sees_all() OR org_id = identity.current_org_id()`;
    await q.query(`CREATE POLICY audit_log_own_org ON identity.audit_log USING (${own}) WITH CHECK (${own})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity.audit_log`);
    await q.query(`DROP FUNCTION identity.audit_log_is_append_only()`);
    await q.query(`DROP TABLE identity.membership`);
    await q.query(`DROP TABLE identity.app_user`);
    await q.query(`DROP TABLE identity.organisation`);
    await q.query(dropTenantFunctionsSql('identity'));
  }
}
