import { EntityManager } from 'typeorm';
import {
  AnnualContractView,
  DomainError,
  PARTNERSHIP_EVENTS,
  REQUIRED_DELIVERABLES,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox } from '@jcm/service-kit';
import { c3pReportSchedule } from '@jcm/rules';
import { DELIVERABLE } from '../deliverable/deliverable.rows';
import { MONTHLY_REPORT } from '../monthly-report/monthly-report.rows';
import { presetOf } from '../programme-shared/budget';
import type { ProposalRow } from '../proposal/proposal.rows';
import { ANNUAL_CONTRACT, CONTRACT_SOURCE, contractView } from './annual-contract.rows';

/**
 * 採択 → 単年度契約: creates the year's contract in negotiation (契約金額 = 申請金額 until 精査) and one 月次報告 per
 * month of the contract period with its due date (c3pReportSchedule). One contract per proposal (UNIQUE), so a
 * repeated selection can never create a second one. The 成果物 checklist is created with it.
 */
export async function createContractForSelection(
  m: EntityManager,
  ctx: RequestContext,
  p: ProposalRow,
  period: { startDate?: string; endDate?: string },
): Promise<AnnualContractView> {
  // Single-year contract: the fiscal year (1 April – 31 March) unless MOE states otherwise (§6.3 [I]).
  const startDate = period.startDate ?? `${p.fiscal_year}-04-01`;
  const endDate = period.endDate ?? `${p.fiscal_year + 1}-03-31`;
  if (endDate < startDate) {
    throw new DomainError('VALIDATION_FAILED', 'The contract ends before it starts.', [
      { path: 'contractEndDate', message: 'Must not be before contractStartDate' },
    ]);
  }
  const participants = [p.company.orgId, p.municipality.orgId, p.partner_city.orgId];
  const { id } = await ANNUAL_CONTRACT.insert(m, {
    proposal_id: p.id,
    call_id: p.call_id,
    partnership_id: p.partnership_id,
    fiscal_year: p.fiscal_year,
    title_ja: p.title_ja,
    title_en: p.title_en,
    company: p.company,
    municipality: p.municipality,
    partner_city: p.partner_city,
    requested_yen: p.requested_yen,
    contract_amount_yen: p.requested_yen,
    budget_lines: p.budget_lines,
    start_date: startDate,
    end_date: endDate,
    participant_org_ids: participants,
  });
  const schedule = c3pReportSchedule(
    { contractDate: startDate, contractEndDate: endDate, monthlyReportDueDay: p.monthly_report_due_day },
    presetOf(p.preset_id),
  );
  await MONTHLY_REPORT.insertMany(
    m,
    schedule.monthlyReports.map((r) => ({
      contract_id: id,
      month: r.month,
      // The call always sets its due day, so the schedule dates every report.
      due_date: r.dueDate ?? endDate,
      return_comment: null,
      submitted_at: null,
      acknowledged_at: null,
      participant_org_ids: participants,
    })),
  );
  // 成果物 checklist of the year (ガイドブック 表3 ①), handed in at the end of the contract.
  await DELIVERABLE.insertMany(
    m,
    REQUIRED_DELIVERABLES.map((d) => ({
      contract_id: id,
      kind: d.kind,
      title_ja: d.titleJa,
      title_en: d.titleEn,
      participant_org_ids: participants,
    })),
  );
  const view = await contractView(m, await CONTRACT_SOURCE.find(m, ctx, id));
  await appendToOutbox(
    m,
    'partnership',
    PARTNERSHIP_EVENTS.annualContract.created,
    { ...view, monthlyReports: schedule.monthlyReports.length },
    ctx,
    {
      aggregateId: id,
    },
  );
  return view;
}
