import { ApplicationContent, ApplicationView, ConsortiumMemberView } from '@jcm/contracts';
import {
  computed,
  date,
  defineSource,
  defineTable,
  int,
  iso,
  isoAt,
  jsonb,
  text,
  textArray,
  timestamptz,
  uuid,
  uuidArray,
  yen,
} from '@jcm/service-kit';

/** 申請 (grants.application): the current version of the document plus its state and decision. */
export const APPLICATION = defineTable(
  'grants.application',
  {
    id: uuid().default(),
    call_id: uuid(),
    form_kind: text<ApplicationView['formKind']>(),
    state: text<ApplicationView['state']>().default(),
    version: int().default(),
    form_version: int(),
    content: jsonb<ApplicationContent>(),
    consortium: jsonb<ConsortiumMemberView[]>(),
    representative_org_id: uuid(),
    member_org_ids: uuidArray(),
    countries: textArray(),
    technology_ids: textArray(),
    jcm_lead_id: uuid().nullable(),
    submitted_at: timestamptz().nullable(),
    decided_at: timestamptz().nullable(),
    adopted_max_subsidy_yen: yen().nullable(),
    assigned_rates: jsonb<ApplicationView['assignedRates']>().default(),
    rejection_reason: text().nullable(),
    participant_org_ids: uuidArray(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** 代理申請 rows: a delegate organisation may act until `until` (inclusive). */
export const DELEGATION = defineTable('grants.application_delegation', {
  id: uuid().default(),
  application_id: uuid(),
  delegate_org_id: uuid(),
  until: date(),
  granted_by_org_id: uuid(),
  revoked_at: timestamptz().nullable(),
  created_at: timestamptz().default(),
  participant_org_ids: uuidArray(),
});

export const APPLICATION_VERSION = defineTable(
  'grants.application_version',
  {
    application_id: uuid(),
    version: int(),
    reason: text<'created' | 'saved' | 'submitted' | 'resubmitted' | 'migrated'>(),
    content: jsonb<ApplicationContent>(),
    changed_paths: textArray(),
    actor_org_id: uuid(),
    actor_user_id: uuid(),
    on_behalf_of_org_id: uuid().nullable(),
    saved_at: timestamptz().default(),
    participant_org_ids: uuidArray(),
  },
  { key: 'application_id' },
);

const DELEGATIONS_JSON = `coalesce((SELECT jsonb_agg(jsonb_build_object('delegateOrgId', d.delegate_org_id, 'until', to_char(d.until, 'YYYY-MM-DD'),
  'grantedByOrgId', d.granted_by_org_id, 'revokedAt', d.revoked_at) ORDER BY d.created_at)
  FROM grants.application_delegation d WHERE d.application_id = a.id), '[]'::jsonb)`;

export const APPLICATION_SOURCE = defineSource({
  from: 'grants.application a',
  alias: 'a',
  label: 'Application',
  fields: {
    ...APPLICATION.fields('a'),
    jcm_lead: computed(
      `(SELECT jsonb_build_object('id', j.lead_id, 'status', j.status, 'titleJa', j.title_ja, 'titleEn', j.title_en)
          FROM grants.jcm_lead_projection j WHERE j.lead_id = a.jcm_lead_id)`,
      jsonb<ApplicationView['jcmLead']>().nullable(),
    ),
    delegations: computed(
      DELEGATIONS_JSON,
      jsonb<{ delegateOrgId: string; until: string; grantedByOrgId: string; revokedAt: string | null }[]>(),
    ),
  },
});
export type ApplicationRow = ReturnType<typeof APPLICATION_SOURCE.decode>;

export function toApplicationView(r: ApplicationRow): ApplicationView {
  return {
    id: r.id,
    callId: r.call_id,
    formKind: r.form_kind,
    state: r.state,
    version: r.version,
    formVersion: r.form_version,
    content: r.content,
    consortium: r.consortium,
    delegations: r.delegations.map((d) => ({
      ...d,
      revokedAt: d.revokedAt === null ? null : new Date(d.revokedAt).toISOString(),
    })),
    jcmLeadId: r.jcm_lead_id,
    jcmLead: r.jcm_lead,
    titleJa: r.content.form.titleJa ?? '',
    countries: r.countries,
    technologyIds: r.technology_ids,
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    adoptedMaxSubsidyYen: r.adopted_max_subsidy_yen,
    assignedRates: r.assigned_rates,
    rejectionReason: r.rejection_reason,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
