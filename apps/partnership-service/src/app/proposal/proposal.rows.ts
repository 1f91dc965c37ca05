import { BudgetLine, EligibilityDeclarations, PartyRef, ProposalView, RuleFindingView, TargetField } from '@jcm/contracts';
import { budgetSummary, checkLines } from '../programme-shared/budget';
import { iso, isoAt, yenFrom } from '../programme-shared/programme-sql';

export const PROPOSAL_COLUMNS = `p.id, p.call_id, p.kind, p.partnership_id, p.company, p.municipality, p.partner_city, p.other_members,
  p.phase, p.year_in_phase, p.fiscal_year, p.pair_history_fiscal_years, p.pair_year_count, p.title_ja, p.title_en,
  p.target_fields, p.summary_ja, p.summary_en, p.eligibility, p.requested_yen, p.budget_lines, p.state, p.score,
  p.score_total, p.decision_reason, p.findings, p.submitted_at, p.participant_org_ids, p.created_at`;

export interface ProposalRow {
  id: string;
  call_id: string;
  kind: ProposalView['kind'];
  partnership_id: string | null;
  company: PartyRef;
  municipality: PartyRef;
  partner_city: PartyRef;
  other_members: PartyRef[];
  phase: number;
  year_in_phase: number;
  fiscal_year: number;
  pair_history_fiscal_years: number[];
  pair_year_count: number;
  title_ja: string;
  title_en: string;
  target_fields: TargetField[];
  summary_ja: string;
  summary_en: string;
  eligibility: EligibilityDeclarations;
  requested_yen: string;
  budget_lines: BudgetLine[];
  state: ProposalView['state'];
  score: ProposalView['score'];
  score_total: number | null;
  decision_reason: string | null;
  findings: RuleFindingView[];
  submitted_at: Date | null;
  participant_org_ids: string[];
  created_at: Date;
}

export function toProposalView(r: ProposalRow, presetId: string): ProposalView {
  const requestedYen = yenFrom(r.requested_yen);
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
    requestedYen,
    budgetLines: r.budget_lines,
    budget: budgetSummary(checkLines(r.budget_lines, presetId, { requestedYen })),
    state: r.state,
    score: r.score,
    decisionReason: r.decision_reason,
    findings: r.findings,
    submittedAt: iso(r.submitted_at),
    createdAt: isoAt(r.created_at),
  };
}
