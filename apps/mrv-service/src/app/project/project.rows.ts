import { JcmProjectStatus, JcmProjectView, ProjectTechnology } from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  int,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';

/** mrv.jcm_project (JCMプロジェクト): PDD, stakeholder consultation, monitoring plan and validation. */
export const JCM_PROJECT = defineTable(
  'mrv.jcm_project',
  {
    id: uuid().default(),
    project_reference: text(),
    host_country: text(),
    title_ja: text(),
    title_en: text(),
    status: text<JcmProjectStatus>().default(),
    company_org_id: uuid(),
    consortium_org_ids: uuidArray(),
    grant_id: text().nullable(),
    registry_project_ref: text().nullable(),
    technologies: jsonb<ProjectTechnology[]>(),
    pdd: jsonb<JcmProjectView['pdd']>().nullable(),
    stakeholder_consultation: jsonb<JcmProjectView['stakeholderConsultation']>().nullable(),
    validator_org_id: uuid().nullable().default(),
    validation_opinion: text<'POSITIVE' | 'NEGATIVE'>().nullable().default(),
    validation_statement: text().nullable().default(),
    registered_on: date().nullable().default(),
    jc_registration_ref: text().nullable().default(),
    participant_org_ids: uuidArray(),
    version: int().default(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

export const JCM_PROJECT_SOURCE = defineSource({
  from: 'mrv.jcm_project p',
  alias: 'p',
  label: 'JCM project',
  fields: JCM_PROJECT.fields('p'),
});
export type JcmProjectRow = ReturnType<typeof JCM_PROJECT_SOURCE.decode>;

export function toJcmProjectView(r: JcmProjectRow): JcmProjectView {
  return {
    id: r.id,
    projectReference: r.project_reference,
    hostCountry: r.host_country,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    status: r.status,
    companyOrgId: r.company_org_id,
    participantOrgIds: r.participant_org_ids,
    grantId: r.grant_id,
    registryProjectRef: r.registry_project_ref,
    technologies: r.technologies,
    pdd: r.pdd,
    stakeholderConsultation: r.stakeholder_consultation,
    validatorOrgId: r.validator_org_id,
    validationOpinion: r.validation_opinion,
    validationStatement: r.validation_statement,
    registeredOn: r.registered_on,
    jcRegistrationRef: r.jc_registration_ref,
    version: r.version,
    createdAt: isoAt(r.created_at),
  };
}
