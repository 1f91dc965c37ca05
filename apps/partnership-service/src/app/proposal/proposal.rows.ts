import {
  BudgetLine,
  EligibilityDeclarations,
  PartyRef,
  ProposalView,
  RuleFindingView,
  TargetField,
} from '@jcm/contracts';
import {
  defineSource,
  defineTable,
  int,
  intArray,
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
import { CALL_ROUND } from '../call/call.rows';
import { budgetSummary, checkLines } from '../programme-shared/budget';

/** 企画書 (partnership.proposal): the one row schema its INSERT, UPDATEs, reads and view are derived from. */
export const PROPOSAL = defineTable(
  'partnership.proposal',
  {
    id: uuid().default(),
    call_id: uuid(),
    kind: text<ProposalView['kind']>(),
    partnership_id: uuid().nullable(),
    company: jsonb<PartyRef>(),
    municipality: jsonb<PartyRef>(),
    partner_city: jsonb<PartyRef>(),
    other_members: jsonb<PartyRef[]>(),
    phase: int(),
    year_in_phase: int(),
    fiscal_year: int(),
    pair_history_fiscal_years: intArray(),
    pair_year_count: int(),
    title_ja: text(),
    title_en: text(),
    target_fields: textArray<TargetField>(),
    summary_ja: text(),
    summary_en: text(),
    eligibility: jsonb<EligibilityDeclarations>(),
    requested_yen: yen(),
    budget_lines: jsonb<BudgetLine[]>(),
    state: text<ProposalView['state']>().default(),
    score: jsonb<NonNullable<ProposalView['score']>>().nullable().default(),
    score_total: int().nullable().default(),
    decision_reason: text().nullable().default(),
    findings: jsonb<RuleFindingView[]>(),
    submitted_at: timestamptz().nullable().default(),
    participant_org_ids: uuidArray(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** A proposal with what its checks need from its call (preset, state, closing day, report due day). */
export const PROPOSAL_SOURCE = defineSource({
  from: 'partnership.proposal p JOIN partnership.call_round cr ON cr.id = p.call_id',
  alias: 'p',
  label: 'Proposal',
  fields: {
    ...PROPOSAL.fields('p'),
    ...CALL_ROUND.fields('cr', ['preset_id', 'closes_on', 'monthly_report_due_day']),
    call_state: CALL_ROUND.field('cr', 'state'),
  },
});
export type ProposalRow = ReturnType<typeof PROPOSAL_SOURCE.decode>;

export function toProposalView(r: ProposalRow): ProposalView {
  return {
    id: r.id,
    callId: r.call_id,
    kind: r.kind,
    partnershipId: r.partnership_id,
    company: r.company,
    municipality: r.municipality,
    partnerCity: r.partner_city,
    otherMembers: r.other_members,
    phase: r.phase,
    yearInPhase: r.year_in_phase,
    fiscalYear: r.fiscal_year,
    pairYearCount: r.pair_year_count,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    targetFields: r.target_fields,
    summaryJa: r.summary_ja,
    summaryEn: r.summary_en,
    eligibility: r.eligibility,
    requestedYen: r.requested_yen,
    budgetLines: r.budget_lines,
    budget: budgetSummary(checkLines(r.budget_lines, r.preset_id, { requestedYen: r.requested_yen })),
    state: r.state,
    score: r.score,
    decisionReason: r.decision_reason,
    findings: r.findings,
    submittedAt: iso(r.submitted_at),
    createdAt: isoAt(r.created_at),
  };
}
