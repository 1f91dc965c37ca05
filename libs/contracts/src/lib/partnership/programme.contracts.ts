import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { BudgetLines, BudgetSummary, CalendarDate, sortParam, YenAmount } from './programme.primitives';
import { PartyRef } from './partnership.commands';

/** 単年度契約 (annual contract) states, city-partnerships.md §6.3. */
export const AnnualContractState = z.enum([
  'negotiation',
  'contracted',
  'kickoff_reported',
  'in_progress',
  'interim_reported',
  'final_reported',
  'deliverables_submitted',
  'settled',
  'closed',
  'suspended',
]);
export type AnnualContractState = z.infer<typeof AnnualContractState>;

/** States in which MOE may still reduce (減額) or suspend (中止) the contract (§6.3). */
export const CONTRACT_ADJUSTABLE_STATES = [
  'contracted',
  'kickoff_reported',
  'in_progress',
  'interim_reported',
  'final_reported',
] as const;

/** Forward transitions of the annual contract (§6.3); `sign` also fixes the amount after 精査. */
export const CONTRACT_TRANSITIONS = {
  sign: { from: ['negotiation'], to: 'contracted' },
  'report-kickoff': { from: ['contracted'], to: 'kickoff_reported' },
  'start-work': { from: ['kickoff_reported'], to: 'in_progress' },
  'report-interim': { from: ['in_progress'], to: 'interim_reported' },
  'report-final': { from: ['interim_reported'], to: 'final_reported' },
  'submit-deliverables': { from: ['final_reported'], to: 'deliverables_submitted' },
  settle: { from: ['deliverables_submitted'], to: 'settled' },
  close: { from: ['settled'], to: 'closed' },
  suspend: { from: CONTRACT_ADJUSTABLE_STATES, to: 'suspended' },
} as const satisfies Record<string, { from: readonly AnnualContractState[]; to: AnnualContractState }>;
export type ContractAction = keyof typeof CONTRACT_TRANSITIONS;
export const ContractAction = z.enum(
  Object.keys(CONTRACT_TRANSITIONS) as [ContractAction, ...ContractAction[]],
);

export const ContractAmountChangeView = z.object({
  amountYen: YenAmount,
  reason: z.enum(['CONTRACTED', 'REDUCED', 'SUSPENDED']),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});
export type ContractAmountChangeView = z.infer<typeof ContractAmountChangeView>;

export const AnnualContractView = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  callId: z.uuid(),
  partnershipId: z.uuid().nullable(),
  fiscalYear: z.number().int(),
  titleJa: z.string(),
  titleEn: z.string(),
  company: PartyRef,
  municipality: PartyRef,
  partnerCity: PartyRef,
  requestedYen: YenAmount,
  contractAmountYen: YenAmount,
  budgetLines: BudgetLines,
  budget: BudgetSummary,
  startDate: z.string(),
  endDate: z.string(),
  state: AnnualContractState,
  amountHistory: z.array(ContractAmountChangeView),
  createdAt: z.iso.datetime(),
});
export type AnnualContractView = z.infer<typeof AnnualContractView>;

/** PATCH /contracts/:id during 精査 (negotiation): revised budget and the amount MOE will sign. */
export const UpdateContractCommand = z.object({
  id: z.uuid(),
  contractAmountYen: YenAmount.optional(),
  budgetLines: BudgetLines.optional(),
});
export type UpdateContractCommand = z.infer<typeof UpdateContractCommand>;

export const ContractTransitionCommand = z.object({
  id: z.uuid(),
  action: ContractAction,
  note: text({ max: 2000, kind: 'multiline', min: 0 }).optional(),
});
export type ContractTransitionCommand = z.infer<typeof ContractTransitionCommand>;

/** 減額: lowers the amount mid-year; the state does not change and the history keeps every amount. */
export const ReduceContractCommand = z.object({
  id: z.uuid(),
  newAmountYen: YenAmount,
  effectiveDate: CalendarDate,
  note: text({ max: 2000, kind: 'multiline' }),
});
export type ReduceContractCommand = z.infer<typeof ReduceContractCommand>;

export const ListContractsQuery = PageQuery.extend({
  fiscalYear: z.coerce.number().int().optional(),
  state: AnnualContractState.optional(),
  partnershipId: z.uuid().optional(),
  sort: sortParam(['createdAt', 'fiscalYear', 'contractAmountYen'] as const, '-createdAt'),
});
export type ListContractsQuery = z.infer<typeof ListContractsQuery>;

export const AnnualContractPage = pageOf(AnnualContractView);
export type AnnualContractPage = z.infer<typeof AnnualContractPage>;
