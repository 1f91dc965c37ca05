import { AnnualContractView, BudgetLine, ContractAmountChangeView, DomainError, PartyRef } from '@jcm/contracts';
import { EntityManager } from 'typeorm';
import { budgetSummary, checkLines } from '../programme-shared/budget';
import { isoAt, yenFrom } from '../programme-shared/programme-sql';

export const CONTRACT_COLUMNS = `c.id, c.proposal_id, c.call_id, c.partnership_id, c.fiscal_year, c.title_ja, c.title_en, c.company,
  c.municipality, c.partner_city, c.requested_yen, c.contract_amount_yen, c.budget_lines,
  to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.state,
  c.participant_org_ids, c.created_at, cr.preset_id`;
export const CONTRACT_FROM = `FROM partnership.annual_contract c JOIN partnership.call_round cr ON cr.id = c.call_id`;

export interface ContractRow {
  id: string;
  proposal_id: string;
  call_id: string;
  partnership_id: string | null;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  company: PartyRef;
  municipality: PartyRef;
  partner_city: PartyRef;
  requested_yen: string;
  contract_amount_yen: string;
  budget_lines: BudgetLine[];
  start_date: string;
  end_date: string;
  state: AnnualContractView['state'];
  participant_org_ids: string[];
  created_at: Date;
  preset_id: string;
}

interface ChangeRow {
  contract_id: string;
  amount_yen: string;
  reason: ContractAmountChangeView['reason'];
  effective_date: string;
  note: string | null;
  recorded_at: Date;
}

/** Loads the amount history (契約金額の履歴) of the given contracts in one query. */
export async function amountHistories(m: EntityManager, ids: string[]): Promise<Map<string, ContractAmountChangeView[]>> {
  const out = new Map<string, ContractAmountChangeView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows: ChangeRow[] = await m.query(
    `SELECT contract_id, amount_yen, reason, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, note, recorded_at
       FROM partnership.contract_amount_change WHERE contract_id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
    [ids],
  );
  for (const r of rows) {
    out.get(r.contract_id)?.push({
      amountYen: yenFrom(r.amount_yen),
      reason: r.reason,
      effectiveDate: r.effective_date,
      note: r.note,
      recordedAt: isoAt(r.recorded_at),
    });
  }
  return out;
}

export function toContractView(r: ContractRow, history: ContractAmountChangeView[]): AnnualContractView {
  const requestedYen = yenFrom(r.requested_yen);
  const contractAmountYen = yenFrom(r.contract_amount_yen);
  return {
    id: r.id,
    proposalId: r.proposal_id,
    callId: r.call_id,
    partnershipId: r.partnership_id,
    fiscalYear: r.fiscal_year,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    company: r.company,
    municipality: r.municipality,
    partnerCity: r.partner_city,
    requestedYen,
    contractAmountYen,
    budgetLines: r.budget_lines,
    budget: budgetSummary(checkLines(r.budget_lines, r.preset_id, { requestedYen })),
    startDate: r.start_date,
    endDate: r.end_date,
    state: r.state,
    amountHistory: history,
    createdAt: isoAt(r.created_at),
  };
}

/** The contract as its caller sees it (RLS applies); it must exist, as the caller has just read or written it. */
export async function loadContractView(m: EntityManager, id: string): Promise<AnnualContractView> {
  const [row] = await m.query(`SELECT ${CONTRACT_COLUMNS} ${CONTRACT_FROM} WHERE c.id = $1`, [id]);
  if (!row) throw new DomainError('INTERNAL', `Contract ${id} vanished`);
  return toContractView(row, (await amountHistories(m, [id])).get(id) ?? []);
}
