import * as z from 'zod';
import { text } from '../shared/text';
import { C3pScoreInput } from '@jcm/rules';
import { pageOf, PageQuery } from '../shared/page';
import { TargetField } from './partnership.commands';
import {
  BudgetLines,
  BudgetSummary,
  FiscalYear,
  CalendarDate,
  RuleFindingView,
  sortParam,
  YenAmount,
} from './programme.primitives';
import { PartyRef } from './partnership.commands';

/** 企画書 (proposal) states, city-partnerships.md §6.2 (eligibility is checked on submit). */
export const ProposalState = z.enum([
  'draft',
  'submitted',
  'withdrawn',
  'under_review',
  'selected',
  'rejected',
]);
export type ProposalState = z.infer<typeof ProposalState>;

/** 新規案件 / 継続案件: decides the scoring table (§2.6). */
export const ProposalKind = z.enum(['NEW', 'CONTINUING']);
export type ProposalKind = z.infer<typeof ProposalKind>;

/** 応募資格条件 ①〜⑥ as declared by the applicant (⑦〜⑨ come from the consortium and the letters). */
export const EligibilityDeclarations = z.object({
  hasLegalPersonality: z.boolean(),
  fallsUnderBudgetOrderArticle70: z.boolean(),
  fallsUnderBudgetOrderArticle71: z.boolean(),
  underNominationSuspension: z.boolean(),
  antiOrganisedCrimePledge: z.boolean(),
  unifiedQualification: z
    .object({
      grade: text({ max: 5, kind: 'name', min: 0 }),
      category: text({ max: 50, kind: 'name', min: 0 }),
      subCategory: text({ max: 50, kind: 'name', min: 0 }),
    })
    .nullable(),
  /** ⑦ 都市間連携協定: concluded, planned through this project, or none. */
  cityAgreement: z.enum(['CONCLUDED', 'PLANNED', 'NONE']),
});
export type EligibilityDeclarations = z.infer<typeof EligibilityDeclarations>;

export const ThemeNovelty = z.enum(['NONE', 'SOME', 'HIGH', 'NOT_ASSESSED']);

/** Body of POST /proposals (the gateway adds the party snapshots). */
export const CreateProposalRequest = z
  .object({
    callId: z.uuid(),
    kind: ProposalKind,
    /** 継続案件: the existing city pair; a new pair names the two cities instead. */
    partnershipId: z.uuid().optional(),
    municipalityOrgId: z.uuid().optional(),
    partnerCityOrgId: z.uuid().optional(),
    otherMemberOrgIds: z.array(z.uuid()).max(20).default([]),
    phase: z.number().int().min(1).max(9),
    yearInPhase: z.number().int().min(1).max(9),
    fiscalYear: FiscalYear,
    /** Fiscal years the pair implemented before this platform (7年ルール); platform contracts are added. */
    pairHistoryFiscalYears: z.array(FiscalYear).max(30).default([]),
    titleJa: text({ max: 300, kind: 'name' }),
    titleEn: text({ max: 300, kind: 'name' }),
    targetFields: z.array(TargetField).min(1).max(11),
    summaryJa: text({ max: 4000, kind: 'multiline' }),
    summaryEn: text({ max: 4000, kind: 'multiline' }),
    eligibility: EligibilityDeclarations,
    requestedYen: YenAmount,
    budgetLines: BudgetLines,
  })
  .refine((v) => v.kind === 'NEW' || !!v.partnershipId, {
    path: ['partnershipId'],
    message: 'Required for a continuing proposal',
  })
  .refine((v) => !!v.partnershipId || (!!v.municipalityOrgId && !!v.partnerCityOrgId), {
    path: ['municipalityOrgId'],
    message: 'A new pair needs municipalityOrgId and partnerCityOrgId',
  });
export type CreateProposalRequest = z.infer<typeof CreateProposalRequest>;

/** NATS `partnership.proposal.create`: the request plus organisation snapshots made by the gateway. */
export const CreateProposalCommand = z.object({
  request: CreateProposalRequest,
  company: PartyRef,
  municipality: PartyRef.nullable(),
  partnerCity: PartyRef.nullable(),
  otherMembers: z.array(PartyRef).default([]),
});
export type CreateProposalCommand = z.infer<typeof CreateProposalCommand>;

export const ProposalScoreView = z.object({
  total: z.number().int(),
  maxTotal: z.number().int(),
  section1: z.number().int(),
  section2: z.number().int(),
  themeNovelty: ThemeNovelty.nullable(),
  scoredAt: z.iso.datetime(),
});

export const ProposalView = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  kind: ProposalKind,
  partnershipId: z.uuid().nullable(),
  company: PartyRef,
  municipality: PartyRef,
  partnerCity: PartyRef,
  otherMembers: z.array(PartyRef),
  phase: z.number().int(),
  yearInPhase: z.number().int(),
  fiscalYear: z.number().int(),
  pairYearCount: z.number().int(),
  titleJa: z.string(),
  titleEn: z.string(),
  targetFields: z.array(TargetField),
  summaryJa: z.string(),
  summaryEn: z.string(),
  eligibility: EligibilityDeclarations,
  requestedYen: YenAmount,
  budgetLines: BudgetLines,
  budget: BudgetSummary,
  state: ProposalState,
  score: ProposalScoreView.nullable(),
  decisionReason: z.string().nullable(),
  findings: z.array(RuleFindingView),
  submittedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const ProposalIdCommand = z.object({ id: z.uuid() });

/** 採点 (審査基準及び採点表, 別添6): the reviewer's points; `kind` is the proposal's own. */
export const ScoreProposalCommand = z.object({
  id: z.uuid(),
  score: C3pScoreInput.omit({ kind: true }),
  themeNovelty: ThemeNovelty.optional(),
});
export type ScoreProposalCommand = z.infer<typeof ScoreProposalCommand>;

/** 採択: creates the year's 単年度契約; the contract period defaults to the fiscal year. */
export const SelectProposalCommand = z.object({
  id: z.uuid(),
  contractStartDate: CalendarDate.optional(),
  contractEndDate: CalendarDate.optional(),
});
export type SelectProposalCommand = z.infer<typeof SelectProposalCommand>;

export const RejectProposalCommand = z.object({
  id: z.uuid(),
  reason: text({ max: 2000, kind: 'multiline' }),
});
export type RejectProposalCommand = z.infer<typeof RejectProposalCommand>;

export const ListProposalsQuery = PageQuery.extend({
  callId: z.uuid().optional(),
  state: ProposalState.optional(),
  fiscalYear: z.coerce.number().int().optional(),
  sort: sortParam(['createdAt', 'fiscalYear', 'scoreTotal', 'titleJa'] as const, '-createdAt'),
});
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

export const ProposalPage = pageOf(ProposalView);
export type ProposalPage = z.infer<typeof ProposalPage>;
