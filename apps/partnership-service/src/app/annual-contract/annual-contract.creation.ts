import { EntityManager } from 'typeorm';
import { AnnualContractView, DomainError, PARTNERSHIP_EVENTS, RequestContext, REQUIRED_DELIVERABLES } from '@jcm/contracts';
import { appendToOutbox } from '@jcm/service-kit';
import { c3pReportSchedule } from '@jcm/rules';
import { presetOf } from '../programme-shared/budget';
import type { ProposalRow } from '../proposal/proposal.rows';
import { loadContractView } from './annual-contract.rows';

export interface CallSettings {
  preset_id: string;
  monthly_report_due_day: number;
}

/**
 * 採択 → 単年度契約: creates the year's contract in negotiation (契約金額 = 申請金額 until 精査) and one 月次報告 per
 * month of the contract period with its due date (c3pReportSchedule). One contract per proposal (UNIQUE), so a
 * repeated selection can never create a second one. The 成果物 checklist is created with it.
 */
export async function createContractForSelection(
  m: EntityManager,
  ctx: RequestContext,
  p: ProposalRow,
  call: CallSettings,
  period: { startDate?: string; endDate?: string },
): Promise<AnnualContractView> {
  // Single-year contract: the fiscal year (1 April – 31 March) unless MOE states otherwise (§6.3 [I]).
  const startDate = period.startDate ?? `${p.fiscal_year}-04-01`;
  const endDate = period.endDate ?? `${p.fiscal_year + 1}-03-31`;
  if (endDate < startDate) {
    throw new DomainError('VALIDATION_FAILED', 'The contract ends before it starts.', [{ path: 'contractEndDate', message: 'Must not be before contractStartDate' }]);
  }
  const participants = [p.company.orgId, p.municipality.orgId, p.partner_city.orgId];
  const [{ id }] = await m.query(
    `INSERT INTO partnership.annual_contract (proposal_id, call_id, partnership_id, fiscal_year, title_ja, title_en, company,
       municipality, partner_city, requested_yen, contract_amount_yen, budget_lines, start_date, end_date, participant_org_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14) RETURNING id`,
    [p.id, p.call_id, p.partnership_id, p.fiscal_year, p.title_ja, p.title_en, p.company, p.municipality, p.partner_city,
      p.requested_yen, JSON.stringify(p.budget_lines), startDate, endDate, participants],
  );
  const schedule = c3pReportSchedule(
    { contractDate: startDate, contractEndDate: endDate, monthlyReportDueDay: call.monthly_report_due_day },
    presetOf(call.preset_id),
  );
  for (const report of schedule.monthlyReports) {
    await m.query(
      `INSERT INTO partnership.monthly_report (contract_id, month, due_date, participant_org_ids) VALUES ($1, $2, $3, $4)`,
      [id, report.month, report.dueDate, participants],
    );
  }
  // 成果物 checklist of the year (ガイドブック 表3 ①), handed in at the end of the contract.
  for (const d of REQUIRED_DELIVERABLES) {
    await m.query(
      `INSERT INTO partnership.deliverable (contract_id, kind, title_ja, title_en, participant_org_ids) VALUES ($1, $2, $3, $4, $5)`,
      [id, d.kind, d.titleJa, d.titleEn, participants],
    );
  }
  const view = await loadContractView(m, id);
  await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.annualContract.created.type, { ...view, monthlyReports: schedule.monthlyReports.length }, ctx);
  return view;
}
