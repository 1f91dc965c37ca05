import * as z from 'zod';
import { text } from '../shared/text';
import { sortParam } from '../partnership/programme.primitives';
import { pageOf, PageQuery } from '../shared/page';

const IsoDate = z.iso.date();
/** One-line required text (titles, references); {@link Prose} keeps line breaks (summaries, statements). */
const Text = (max: number) => text({ max, kind: 'name' });
const Prose = (max: number) => text({ max, kind: 'multiline' });
const DecimalText = z.string().regex(/^-?\d{1,15}(\.\d{1,20})?$/, 'A decimal as a string, e.g. "0.319"');

/**
 * JCM project states (jcm-grants.md §6.3, simplified [I]): PDD_DRAFTED (PDD, local stakeholder consultation and
 * monitoring plan edited by the company) → VALIDATION (an accredited TPE assigned) → VALIDATED (positive opinion,
 * no open CAR/CL) → REGISTERED (the Joint Committee's registration recorded by the secretariat/MOE).
 */
export const JcmProjectStatus = z.enum(['PDD_DRAFTED', 'VALIDATION', 'VALIDATED', 'REGISTERED']);
export type JcmProjectStatus = z.infer<typeof JcmProjectStatus>;

/** One technology of the project and its monitoring plan (モニタリング計画): methodology version and ex-ante values. */
export const ProjectTechnology = z.object({
  technologyId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  label: Text(200),
  methodologyId: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/),
  methodologyVersion: z.string().regex(/^\d{1,3}\.\d{1,3}$/),
  /** Fixed-ex-ante values (e.g. EF_RE = "0.319", 別添4), by parameter id. */
  fixedValues: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), DecimalText).default({}),
});
export type ProjectTechnology = z.infer<typeof ProjectTechnology>;

/** PDD (プロジェクト設計書) data the platform keeps; the document itself is a file id in the file store. */
export const ProjectDesign = z.object({
  summary: Prose(4000),
  site: Text(500),
  startOfOperation: IsoDate,
  expectedAnnualErT: z.string().regex(/^\d{1,12}$/, 'Whole tCO2 per year'),
  pddFileId: z.uuid().optional(),
});
/** Local stakeholder consultation (現地利害関係者協議) record. */
export const StakeholderConsultation = z.object({
  heldOn: IsoDate,
  place: Text(500),
  participants: Prose(2000),
  comments: Prose(4000),
  howAddressed: Prose(4000),
});

export const CreateJcmProjectCommand = z.object({
  projectReference: z
    .string()
    .regex(/^[A-Z]{2}[A-Z0-9]{1,18}$/, 'Country code and project number, e.g. TH001'),
  hostCountry: z.string().regex(/^[A-Z]{2}$/),
  titleJa: Text(300),
  titleEn: Text(300),
  /** The grant decision this project carries out (free reference until grants publishes its decisions). */
  grantId: Text(100).optional(),
  /** Other project participant organisations (consortium members) besides the caller. */
  participantOrgIds: z.array(z.uuid()).max(30).default([]),
  technologies: z.array(ProjectTechnology).min(1).max(20),
  pdd: ProjectDesign.optional(),
  stakeholderConsultation: StakeholderConsultation.optional(),
});
export type CreateJcmProjectCommand = z.infer<typeof CreateJcmProjectCommand>;

export const UpdateJcmProjectCommand = z.object({
  id: z.uuid(),
  technologies: z.array(ProjectTechnology).min(1).max(20).optional(),
  pdd: ProjectDesign.optional(),
  stakeholderConsultation: StakeholderConsultation.optional(),
  grantId: Text(100).optional(),
});
export type UpdateJcmProjectCommand = z.infer<typeof UpdateJcmProjectCommand>;

/** A TPE (第三者機関) assigned to validate a project or verify a report: accredited for every methodology's scope. */
export const AssignTpeCommand = z.object({ id: z.uuid(), tpeOrgId: z.uuid() });
export type AssignTpeCommand = z.infer<typeof AssignTpeCommand>;

/** The TPE's validation opinion (妥当性確認意見). */
export const ValidateJcmProjectCommand = z.object({
  id: z.uuid(),
  opinion: z.enum(['POSITIVE', 'NEGATIVE']),
  statement: Prose(4000),
  reportFileId: z.uuid().optional(),
});
export type ValidateJcmProjectCommand = z.infer<typeof ValidateJcmProjectCommand>;

/** The secretariat/MOE records the Joint Committee's registration (登録). */
export const RegisterJcmProjectCommand = z.object({
  id: z.uuid(),
  registeredOn: IsoDate,
  jcRegistrationRef: Text(100),
  /** The registry project in credits-service (its reference), when it already exists. */
  registryProjectRef: Text(40).optional(),
});
export type RegisterJcmProjectCommand = z.infer<typeof RegisterJcmProjectCommand>;

export const GetByIdQuery = z.object({ id: z.uuid() });
export type GetByIdQuery = z.infer<typeof GetByIdQuery>;

export const ListJcmProjectsQuery = PageQuery.extend({
  status: JcmProjectStatus.optional(),
  hostCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  sort: sortParam(['projectReference', 'createdAt'] as const, 'projectReference'),
});
export type ListJcmProjectsQuery = z.infer<typeof ListJcmProjectsQuery>;

export const JcmProjectView = z.object({
  id: z.uuid(),
  projectReference: z.string(),
  hostCountry: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  status: JcmProjectStatus,
  companyOrgId: z.uuid(),
  participantOrgIds: z.array(z.uuid()),
  grantId: z.string().nullable(),
  registryProjectRef: z.string().nullable(),
  technologies: z.array(ProjectTechnology),
  pdd: ProjectDesign.nullable(),
  stakeholderConsultation: StakeholderConsultation.nullable(),
  validatorOrgId: z.uuid().nullable(),
  validationOpinion: z.enum(['POSITIVE', 'NEGATIVE']).nullable(),
  validationStatement: z.string().nullable(),
  registeredOn: IsoDate.nullable(),
  jcRegistrationRef: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type JcmProjectView = z.infer<typeof JcmProjectView>;
export const JcmProjectPage = pageOf(JcmProjectView);
export type JcmProjectPage = z.infer<typeof JcmProjectPage>;

/** evt.mrv.project.registered: the project is registered; credits may issue for it. */
export const JcmProjectRegisteredEvent = z.object({
  projectId: z.uuid(),
  projectReference: z.string(),
  grantId: z.string().nullable(),
  hostCountry: z.string(),
  registeredOn: IsoDate,
  methodologies: z.array(z.object({ id: z.string(), version: z.string() })),
});
export type JcmProjectRegisteredEvent = z.infer<typeof JcmProjectRegisteredEvent>;
