import * as z from 'zod';
import { text } from '../shared/text';
import { DecimalStringSchema, PlanFormInput, YenSchema } from '@jcm/rules';
import { pageOf, PageQuery } from '../shared/page';
import { RuleFindingView, sortParam } from '../partnership/programme.primitives';
import { TechnologyKey } from './grants.calls';

/** 申請 states (jcm-grants.md §5): submitted is frozen; 差戻し returns it; 採択 / 不採択 end it. */
export const ApplicationState = z.enum(['draft', 'submitted', 'returned', 'adopted', 'rejected']);
export type ApplicationState = z.infer<typeof ApplicationState>;

/** 実施計画書 Form A (seed 002, 設備補助) or Form B (seed 003, コ・イノベーション). */
export const PlanFormKind = z.enum(['A', 'B']);
export type PlanFormKind = z.infer<typeof PlanFormKind>;

const Country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');

/**
 * The plan form as a draft: every top-level part of `PlanFormInput` (the schema `checkPlanForm` takes) is optional
 * while drafting; a part that is present must be well-formed. `kind` lives on the application.
 */
export const PlanFormDraft = PlanFormInput.omit({ kind: true }).partial();
export type PlanFormDraft = z.infer<typeof PlanFormDraft>;

/** One technology as the subsidy is computed per technology (jcm-grants §2.2: rate cap per technology × country). */
export const ApplicationTechnology = z.object({
  technologyId: TechnologyKey,
  nameJa: text({ max: 200, kind: 'name', min: 0 }).default(''),
  nameEn: text({ max: 200, kind: 'name', min: 0 }).default(''),
  /** Where it is installed: the 別添3 count and the 別添4 factor are looked up by this country. */
  country: Country,
  eligibleCostYen: YenSchema,
  annualReductionT: DecimalStringSchema,
  usefulLifeYears: z.number().int().min(1).max(100),
  /** 別添4 column of the grid factor shown beside the reduction (RE for PV, EE for efficiency). */
  efColumn: z.enum(['EE_other', 'EE_captive_diesel', 'EE_captive_gas', 'RE_other', 'RE_captive']).optional(),
});
export type ApplicationTechnology = z.infer<typeof ApplicationTechnology>;

/** 書類番号 → stored file (the file store's id; `/api/v1/files`). */
export const ApplicationAttachment = z.object({
  docRef: z.string().regex(/^\d-\d{2}$/, 'e.g. 3-01'),
  fileId: z.uuid(),
  fileFormat: z.enum(['pdf', 'xlsx', 'docx', 'other']).optional(),
  /** Parts inside one attachment (3-05 ①②③, 3-09 WITH_SUBSIDY / WITHOUT_SUBSIDY), as `checkPlanForm` reads them. */
  parts: z
    .array(text({ max: 100, kind: 'name', min: 0 }))
    .max(20)
    .optional(),
});

/** The application's document (versioned as a whole): the plan form plus the figures the subsidy is computed from. */
export const ApplicationContent = z.object({
  form: PlanFormDraft.default({}),
  technologies: z.array(ApplicationTechnology).max(20).default([]),
  /** 経費内訳 by division (工事費, 設備費, 事務費): the 事務費 cap (R-FIN-04) is computed from these. */
  costs: z.object({ constructionYen: YenSchema, equipmentYen: YenSchema, adminYen: YenSchema }).optional(),
  requestedSubsidyYen: YenSchema.optional(),
  payback: z
    .object({
      initialCostYen: YenSchema,
      annualCashFlowYen: YenSchema.refine((v) => v > 0, 'Must be positive'),
    })
    .optional(),
  attachments: z.array(ApplicationAttachment).max(60).default([]),
});
export type ApplicationContent = z.infer<typeof ApplicationContent>;

/** A consortium member (国際コンソーシアム): the Japanese representative and foreign co-implementers. */
export const ConsortiumMemberInput = z.object({
  orgId: z.uuid(),
  role: z.enum(['REPRESENTATIVE', 'CO_IMPLEMENTER']),
  nameJa: text({ max: 200, kind: 'name' }),
  nameEn: text({ max: 200, kind: 'name' }),
  country: Country,
  isLeasingCompany: z.boolean().default(false),
});
export const ConsortiumMemberView = ConsortiumMemberInput.extend({
  confirmedAt: z.iso.datetime().nullable(),
});
export type ConsortiumMemberView = z.infer<typeof ConsortiumMemberView>;

/** POST /grants/applications: a draft under a published call; the caller's organisation must be a member. */
export const CreateApplicationCommand = z.object({
  callId: z.uuid(),
  formKind: PlanFormKind.default('A'),
  consortium: z.array(ConsortiumMemberInput).min(1).max(20),
  content: ApplicationContent.default({ form: {}, technologies: [], attachments: [] }),
  jcmLeadId: z.uuid().optional(),
});
export type CreateApplicationCommand = z.infer<typeof CreateApplicationCommand>;

/**
 * PATCH /grants/applications/:id (autosave): `patch` is merged into the stored content — objects key by key, arrays
 * and values replaced, `null` removes a key — so a field the client did not send is never lost. `baseVersion` is
 * the version the client edited: another save in between answers CONFLICT instead of overwriting it.
 */
export const SaveApplicationCommand = z.object({
  id: z.uuid(),
  baseVersion: z.number().int().min(1),
  patch: z.record(text({ max: 100, kind: 'name' }), z.unknown()),
});
export type SaveApplicationCommand = z.infer<typeof SaveApplicationCommand>;

/** A finding as shown next to a field: the rule's citation plus the field path it concerns. */
export const ApplicationFinding = RuleFindingView.extend({ path: z.string() });
export type ApplicationFinding = z.infer<typeof ApplicationFinding>;

/** The figures computed from the call preset as the user types (R-FIN-01..04, R-EVAL-03..05). */
export const ApplicationFigures = z.object({
  presetId: z.string(),
  technologies: z.array(
    z.object({
      technologyId: z.string(),
      country: z.string(),
      similarProjects: z.number().int().nullable(),
      rateCap: z.string().nullable(),
      maxSubsidyYen: z.number().int().nullable(),
      totalReductionT: z.string().nullable(),
      costEffectivenessYenPerT: z.number().int().nullable(),
      costEffectivenessThresholdYenPerT: z.number().int().nullable(),
      gridEmissionFactor: z.string().nullable(),
    }),
  ),
  maxSubsidyYen: z.number().int().nullable(),
  subsidyYen: z.number().int().nullable(),
  adminCostCapYen: z.number().int().nullable(),
  totalReductionT: z.string().nullable(),
  costEffectivenessYenPerT: z.number().int().nullable(),
  paybackYearsWithoutSubsidy: z.string().nullable(),
  paybackYearsWithSubsidy: z.string().nullable(),
});
export type ApplicationFigures = z.infer<typeof ApplicationFigures>;

export const ApplicationCheck = z.object({
  findings: z.array(ApplicationFinding),
  errors: z.number().int(),
  figures: ApplicationFigures,
});
export type ApplicationCheck = z.infer<typeof ApplicationCheck>;

export const DelegationView = z.object({
  delegateOrgId: z.uuid(),
  until: z.string(),
  grantedByOrgId: z.uuid(),
  revokedAt: z.iso.datetime().nullable(),
});

export const ApplicationView = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  formKind: PlanFormKind,
  state: ApplicationState,
  version: z.number().int(),
  formVersion: z.number().int(),
  content: ApplicationContent,
  consortium: z.array(ConsortiumMemberView),
  delegations: z.array(DelegationView),
  jcmLeadId: z.uuid().nullable(),
  /** The partnership's JCM lead as grants last heard of it (null when unlinked or not visible to the caller). */
  jcmLead: z
    .object({ id: z.uuid(), status: z.string(), titleJa: z.string(), titleEn: z.string() })
    .nullable(),
  titleJa: z.string(),
  countries: z.array(z.string()),
  technologyIds: z.array(z.string()),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  adoptedMaxSubsidyYen: z.number().int().nullable(),
  assignedRates: z.array(z.object({ technologyId: z.string(), rate: z.string() })),
  rejectionReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

/** Every save answers the new view and the same check the findings endpoint gives. */
export const ApplicationSaved = z.object({ application: ApplicationView, check: ApplicationCheck });
export type ApplicationSaved = z.infer<typeof ApplicationSaved>;

export const ListApplicationsQuery = PageQuery.extend({
  callId: z.uuid().optional(),
  state: ApplicationState.optional(),
  country: Country.optional(),
  technologyId: TechnologyKey.optional(),
  sort: sortParam(['createdAt', 'submittedAt', 'updatedAt'] as const, '-updatedAt'),
});
export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuery>;
export const ApplicationPage = pageOf(ApplicationView);
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const ApplicationIdCommand = z.object({ id: z.uuid() });
export type ApplicationIdCommand = z.infer<typeof ApplicationIdCommand>;

/** 代理申請: the representative lets another organisation file for it until `until` (inclusive). */
export const DelegateApplicationCommand = z.object({
  id: z.uuid(),
  delegateOrgId: z.uuid(),
  until: z.iso.date(),
});
export type DelegateApplicationCommand = z.infer<typeof DelegateApplicationCommand>;

/** One saved version (autosave, submission, resubmission) with who acted for whom and what changed. */
export const ApplicationVersionView = z.object({
  version: z.number().int(),
  reason: z.enum(['created', 'saved', 'submitted', 'resubmitted', 'migrated']),
  changedPaths: z.array(z.string()),
  actorOrgId: z.uuid(),
  onBehalfOfOrgId: z.uuid().nullable(),
  savedAt: z.iso.datetime(),
});
export const ApplicationVersionList = z.object({ items: z.array(ApplicationVersionView) });
export type ApplicationVersionList = z.infer<typeof ApplicationVersionList>;
