import * as z from 'zod';
import { CountSchema, DecimalStringSchema, YenSchema } from '../shared/schemas';

// plan-forms.md §1–§6, §10: the data of one 実施計画書 (Form A 設備補助 / Form B コ・イノベーション). Text fields may be
// empty on purpose: an empty required slot is a finding (V-rules), not a parse error.

// Bounded and NUL-free (the string rule of @jcm/contracts in plain zod: PostgreSQL text refuses NUL, an unbounded
// string is a storage attack). Section bodies are the longest free text of the form.
// eslint-disable-next-line no-control-regex
const NO_NUL = /^[^\u0000]*$/;
const Text = z.string().max(10_000, { abort: true }).regex(NO_NUL, 'Must not contain a NUL character');
/** Short labels and keys: section numbers, period ends, milestone dates as written, document refs. */
const Short = z.string().max(100, { abort: true }).regex(NO_NUL, 'Must not contain a NUL character');
/** Signed decimal string (百万円, %, 倍 may be negative). */
const SignedDecimal = z
  .string()
  .max(42, { abort: true })
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');
/** 'YYYY-MM' or 'YYYY-MM-DD' (●●年●月 or ●●年●月●日). */
const YearMonthOrDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD');

export const PlanFormKindSchema = z.enum(['A', 'B']);
export type PlanFormKind = z.infer<typeof PlanFormKindSchema>;

export const ContactSchema = z.object({
  name: Text,
  deptAndTitle: Text,
  address: Text,
  postalCode: Text.optional(),
  phone: Text,
  email: Text,
});
export type Contact = z.infer<typeof ContactSchema>;

export const FinancialRowSchema = z.object({
  periodEnd: Short,
  netAssetsMillionYen: SignedDecimal,
  operatingIncomeMillionYen: SignedDecimal.optional(),
  ordinaryIncomeMillionYen: SignedDecimal.optional(),
  // §1.5 printed ratios and the debt-ratio column variant (A).
  equityRatioPct: SignedDecimal.optional(),
  currentRatioPct: SignedDecimal.optional(),
  operatingIncomeGrowthPct: SignedDecimal.optional(),
  debtRatioBasis: z.enum(['operatingCF', 'operatingIncome', 'notRequiredLeaseCo']).optional(),
  debtRatioLabel: Text.optional(),
  debtRatioValue: SignedDecimal.optional(),
  // §1.5 auxiliary inputs for recomputation (§5.6).
  totalAssetsMillionYen: SignedDecimal.optional(),
  currentAssetsMillionYen: SignedDecimal.optional(),
  currentLiabilitiesMillionYen: SignedDecimal.optional(),
  interestBearingDebtMillionYen: SignedDecimal.optional(),
  operatingCashFlowMillionYen: SignedDecimal.optional(),
  operatingIncomePrevYearMillionYen: SignedDecimal.optional(),
  // A co-applicants (dual currency): local amount of 純資産 in units of the local currency.
  netAssetsLocal: SignedDecimal.optional(),
});
export type FinancialRowInput = z.infer<typeof FinancialRowSchema>;

export const FinancialStatementChecklistSchema = z.object({
  auditedStatements: z.boolean(),
  auditReportStatesStandard: z.boolean(),
  standaloneAndConsolidated: z.boolean(),
  isSubsidiary: z.boolean(),
  parentStatements: z.boolean().optional(),
  cashFlowStatement: z.boolean(),
  cashFlowStatementLegallyRequired: z.boolean(),
});

const ApplicantBase = {
  fiscalPeriodsCompleted: CountSchema.optional(),
  financials: z.array(FinancialRowSchema).optional(),
  managementImprovementPlan: z.boolean().optional(),
  pastNegativeReason: Text.optional(),
  statementChecklist: FinancialStatementChecklistSchema.optional(),
};

export const LeadApplicantSchema = z.object({
  nameJa: Text,
  nameEn: Text,
  contactResponsible: ContactSchema.optional(),
  contactWindow: ContactSchema.optional(),
  ...ApplicantBase,
});

export const CoApplicantSchema = z.object({
  name: Text,
  nameEn: Text.optional(),
  contactResponsible: ContactSchema.optional(),
  profile: z
    .object({ name: Text, established: Text, businessDescription: Text, employees: CountSchema })
    .optional(),
  fx: z.object({ currency: Text, jpyPerUnit: DecimalStringSchema, rateDate: Text.optional() }).optional(),
  ...ApplicantBase,
});
export type CoApplicant = z.infer<typeof CoApplicantSchema>;

export const MonitoringPointSchema = z.object({
  item: Text,
  deviceLocation: Text,
  accuracy: Text,
  frequency: Text,
  dataCollectionStorage: Text,
  criterion: z.array(z.enum(['CALIBRATION_PER_RULES', 'SPEC_OR_CERTIFIED'])),
});

export const ProjectPlanSchema = z.object({
  landRequired: z.boolean().optional(),
  landRightsTransfer: z.boolean().optional(),
  landNegotiationStatus: Text.optional(),
  landContractSchedule: Text.optional(),
  tender: z
    .object({
      requiresTender: z.boolean(),
      tenderScheduleGiven: z.boolean().optional(),
      bidAtNonSubsidyPrice: z.boolean().optional(),
    })
    .optional(),
  equipmentOwner: Text.optional(),
  soleOwner: z.boolean().optional(),
  ownershipExplanation: Text.optional(),
  consortiumDraftIncludesDiagram: z.boolean().optional(),
  consortiumDraftUnsigned: z.boolean().optional(),
  monitoringPoints: z.array(MonitoringPointSchema).optional(),
  coApplicantDecisionIsPlanAgreement: z.boolean().optional(),
  // Form B 3(1) four bracketed blocks and KPIs.
  techBlocks: z
    .object({
      countryContext: Text,
      technologyAndDomesticUse: Text,
      renovationAndDemoPlan: Text,
      commercialisationOutlook: Text,
    })
    .optional(),
  kpis: z
    .array(z.object({ indicator: Text, targetValue: Text, unit: Text.optional(), basis: Text }))
    .optional(),
  // Form B cover: technology-development site vs demonstration site.
  devSiteDiffersFromDemoSite: z.boolean().optional(),
  devSiteAddress: Text.optional(),
  demoSiteAddress: Text.optional(),
});

export const FundingSourceSchema = z.object({
  method: z.enum(['LOAN', 'EQUITY', 'OWN_FUNDS', 'OTHER', 'BOND']),
  methodOtherText: Text.optional(),
  source: Text,
  amountYen: YenSchema,
  sharePct: DecimalStringSchema,
  currency: Text.optional(),
  interestRatePct: Text.optional(),
  repaymentPeriod: Text.optional(),
  repaymentTerms: Text.optional(),
  collateralOrGuarantee: Text.optional(),
  milestones: z
    .array(z.object({ milestone: Text, when: Short, done: z.boolean(), evidenceDocRef: Text.optional() }))
    .optional(),
});
export type FundingSource = z.infer<typeof FundingSourceSchema>;

export const FundingPlanSchema = z.object({
  sources: z.array(FundingSourceSchema),
  spc: z.object({ investors: z.array(z.object({ name: Text, sharePct: DecimalStringSchema })) }).optional(),
  otherSubsidiesConsidered: z.boolean().optional(),
  otherSubsidies: z.array(z.object({ name: Text, status: Text })).optional(),
  publicFinanceLinked: z.boolean().optional(),
  publicFinance: z
    .array(z.object({ institution: Text, scheme: Text, scope: Text, schedule: Text }))
    .optional(),
  /** Funding relies on a parent / investor / lender / guarantor (incl. an SPC co-applicant). */
  reliesOnRelatedParty: z.boolean().optional(),
  relatedParties: z
    .array(
      z.object({
        name: Text,
        role: z.enum(['parent', 'investor', 'lender', 'guarantor', 'other']),
        financialsProvided: z.boolean(),
      }),
    )
    .optional(),
  paybackWithoutSubsidyYears: DecimalStringSchema.optional(),
  paybackWithSubsidyYears: DecimalStringSchema.optional(),
  irrWithoutSubsidyPct: SignedDecimal.optional(),
  irrWithSubsidyPct: SignedDecimal.optional(),
});

export const CharacterSchema = z.object({
  risksUntilCompletion: Text.optional(),
  risksDuringMrv: Text.optional(),
  usesOdsRefrigerant: z.boolean().optional(),
  removesTreatyNonCompliantEquipment: z.boolean().optional(),
  removalPlan: Text.optional(),
  humanRightsDD: z.boolean().optional(),
  sdgGoals: z.array(z.number().int()).optional(),
});

export const TechnologySchema = z.object({
  technologies: z.array(
    z.object({
      name: Text,
      isSolarPv: z.boolean(),
      solarConditionsStatement: Text.optional(),
      similarTech: z.boolean(),
      similarTechCategory: Text.optional(),
    }),
  ),
  referenceIsExistingEquipment: z.boolean().optional(),
  referenceComparison: Text.optional(),
  techAdvantage: Text.optional(),
  diffusionOutlook: Text.optional(),
  competitors: z
    .array(
      z.object({
        maker: Text,
        product: Text,
        lccYen: YenSchema.optional(),
        runningCostYenPerYear: YenSchema.optional(),
      }),
    )
    .optional(),
});

export const ProcurementSchema = z.object({
  rows: z.array(
    z.object({
      kind: z.enum(['EQUIPMENT', 'WORKS']),
      itemName: Text,
      supplierCountry: Text,
      supplierCompany: Text,
      fromConsortiumMember: z.boolean(),
      hasConcurrentOfficer: z.boolean(),
      concurrentOfficerDetails: Text.optional(),
    }),
  ),
  profitExclusionDeclaration: z.boolean().optional(),
  costEvidence: z.boolean().optional(),
  marketPriceEvidence: z.boolean().optional(),
  selfProcurement: z.object({ included: z.boolean(), itemNames: z.array(Text) }).optional(),
});

export const EffectsSchema = z.object({
  technologies: z.array(
    z.object({
      name: Text,
      co2AnnualT: DecimalStringSchema,
      ghgAnnualT: DecimalStringSchema.optional(),
      usefulLifeYears: z.number().int(),
    }),
  ),
  subsidyYen: YenSchema.optional(),
  priorSimilarProjects: CountSchema.optional(),
  emissionFactors: z
    .array(z.object({ item: Text, value: DecimalStringSchema, unit: Text, source: Text }))
    .optional(),
  methodology: z
    .object({
      choice: z.enum(['APPROVED', 'PROPOSED', 'NONE']),
      number: Text,
      eligibilityCriteria: z.array(z.object({ criterion: Text, howMet: Text })).optional(),
    })
    .optional(),
  commercialisation: z
    .object({ eligibleCostYen: YenSchema, ratePct: DecimalStringSchema, projectScale: Text, costBasis: Text })
    .optional(),
});

export const ScheduleMilestoneSchema = z.object({
  id: Text,
  type: z.enum([
    'ORDER',
    'MANUFACTURE',
    'TRANSPORT',
    'INSTALLATION',
    'COMMISSIONING',
    'PAYMENT_COMPLETE',
    'MONITORING_START',
    'OTHER',
  ]),
  plannedDate: YearMonthOrDate,
  dependsOn: z.array(Text).optional(),
  conditions: Text.optional(),
});
export type ScheduleMilestone = z.infer<typeof ScheduleMilestoneSchema>;

export const AttachmentSchema = z.object({
  docRef: Short,
  fileFormat: z.enum(['pdf', 'xlsx', 'docx', 'other']).optional(),
  /** Parts inside one attachment, e.g. 3-05 ①②③ or 3-09 'WITH_SUBSIDY' / 'WITHOUT_SUBSIDY'. */
  parts: z.array(Text).optional(),
  notApplicableReason: Text.optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** One implementation plan (実施計画書), Form A or B (plan-forms.md §2, §3). */
export const PlanFormInput = z.object({
  kind: PlanFormKindSchema,
  titleJa: Text,
  titleEn: Text,
  lead: LeadApplicantSchema,
  coApplicants: z.array(CoApplicantSchema),
  /** Section bodies keyed by the printed section number ('1' … '10' for A, '1' … '9' for B). */
  sections: z.record(Short, Text),
  background: Text.optional(),
  outline: Text.optional(),
  renderedPages: CountSchema.optional(),
  businessForms: z
    .object({
      forms: z.array(
        z.enum([
          'ELEC_HEAT_SUPPLY',
          'ELEC_HEAT_SELF_CONSUMPTION',
          'ENERGY_EFFICIENCY',
          'WASTE_TREATMENT',
          'TRANSPORT',
          'OWN_PRODUCT_PROCUREMENT',
          'LOCAL_SUBSIDIARY',
          'LEAD_INVESTS',
          'LEASE',
          'OTHER',
        ]),
      ),
      leadInvestmentSharePct: Text.optional(),
      otherText: Text.optional(),
      consortiumIncludesLeaseCompany: z.boolean().optional(),
    })
    .optional(),
  plan: ProjectPlanSchema.optional(),
  funding: FundingPlanSchema.optional(),
  character: CharacterSchema.optional(),
  technology: TechnologySchema.optional(),
  procurement: ProcurementSchema.optional(),
  effects: EffectsSchema.optional(),
  schedule: z.object({ milestones: z.array(ScheduleMilestoneSchema) }).optional(),
  attachments: z.array(AttachmentSchema).optional(),
});
export type PlanFormInput = z.input<typeof PlanFormInput>;
export type PlanFormInputParsed = z.output<typeof PlanFormInput>;
