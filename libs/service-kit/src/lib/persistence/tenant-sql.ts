/**
 * SQL for row-level security (DESIGN §5). Every tenant table carries `participant_org_ids uuid[]`; a row is visible
 * to its participants and to the oversight organisations (MOE, secretariat). `SYSTEM` is set only by a service's
 * own background work (event consumers), never from a request.
 */
export function tenantFunctionsSql(schema: string): string {
  return `
CREATE OR REPLACE FUNCTION ${schema}.current_org_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION ${schema}.current_org_sees_all() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('app.org_type', true), '') IN ('MOE', 'SECRETARIAT', 'SYSTEM') $$;`;
}

export function dropTenantFunctionsSql(schema: string): string {
  return `DROP FUNCTION IF EXISTS ${schema}.current_org_id(); DROP FUNCTION IF EXISTS ${schema}.current_org_sees_all();`;
}

/** Enables and forces RLS on a table keyed by `participant_org_ids`. */
export function participantPolicySql(schema: string, table: string): string {
  const check = `${schema}.current_org_sees_all() OR participant_org_ids @> ARRAY[${schema}.current_org_id()]`;
  return `
ALTER TABLE ${schema}.${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${schema}.${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY ${table}_participants ON ${schema}.${table} USING (${check}) WITH CHECK (${check});`;
}

/** Grants the service role DML on everything in its schema (it owns nothing, so it cannot disable RLS). */
export function grantServiceRoleSql(schema: string, role: string): string {
  return `
GRANT USAGE ON SCHEMA ${schema} TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role};`;
}
