import { EntityManager } from 'typeorm';
import { AnnualContractView, BudgetLine, ContractAmountChangeView, PartyRef } from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  int,
  isoAt,
  jsonb,
  queryRows,
  RowOf,
  text,
  timestamptz,
  uuid,
  uuidArray,
  yen,
} from '@jcm/service-kit';
import { budgetSummary, checkLines } from '../programme-shared/budget';
import { CALL_ROUND } from '../call/call.rows';

/** 単年度契約 (partnership.annual_contract): the one row schema every read and write of the table goes through. */
export const ANNUAL_CONTRACT = defineTable(
  'partnership.annual_contract',
  {
    id: uuid().default(),
    proposal_id: uuid(),
    call_id: uuid(),
    partnership_id: uuid().nullable(),
    fiscal_year: int(),
    title_ja: text(),
    title_en: text(),
    company: jsonb<PartyRef>(),
    municipality: jsonb<PartyRef>(),
    partner_city: jsonb<PartyRef>(),
    requested_yen: yen(),
    contract_amount_yen: yen(),
    budget_lines: jsonb<BudgetLine[]>(),
    start_date: date(),
    end_date: date(),
    state: text<AnnualContractView['state']>().default(),
    participant_org_ids: uuidArray(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** 契約金額の履歴 (partnership.contract_amount_change): append-only. */
export const CONTRACT_AMOUNT_CHANGE = defineTable('partnership.contract_amount_change', {
  id: uuid().default(),
  contract_id: uuid(),
  amount_yen: yen(),
  reason: text<ContractAmountChangeView['reason']>(),
  effective_date: date(),
  note: text().nullable(),
  idempotency_key: text().nullable().default(),
  participant_org_ids: uuidArray(),
  recorded_at: timestamptz().default(),
});

/** A contract as read for its views and checks: its row and the preset of its call. */
export const CONTRACT_SOURCE = defineSource({
  from: 'partnership.annual_contract c JOIN partnership.call_round cr ON cr.id = c.call_id',
  alias: 'c',
  label: 'Contract',
  fields: { ...ANNUAL_CONTRACT.fields('c'), preset_id: CALL_ROUND.field('cr', 'preset_id') },
});
export type ContractRow = ReturnType<typeof CONTRACT_SOURCE.decode>;

/** Loads the amount history (契約金額の履歴) of the given contracts in one query. */
export async function amountHistories(
  m: EntityManager,
  ids: string[],
): Promise<Map<string, ContractAmountChangeView[]>> {
  const out = new Map<string, ContractAmountChangeView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await queryRows(
    m,
    CONTRACT_AMOUNT_CHANGE.columns,
    `SELECT ${CONTRACT_AMOUNT_CHANGE.selectList()} FROM partnership.contract_amount_change
      WHERE contract_id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
    [ids],
  );
  for (const r of rows) out.get(r.contract_id)?.push(toAmountChangeView(r));
  return out;
}

function toAmountChangeView(r: RowOf<typeof CONTRACT_AMOUNT_CHANGE.columns>): ContractAmountChangeView {
  return {
    amountYen: r.amount_yen,
    reason: r.reason,
    effectiveDate: r.effective_date,
    note: r.note,
    recordedAt: isoAt(r.recorded_at),
  };
}

export function toContractView(r: ContractRow, history: ContractAmountChangeView[]): AnnualContractView {
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
    requestedYen: r.requested_yen,
    contractAmountYen: r.contract_amount_yen,
    budgetLines: r.budget_lines,
    budget: budgetSummary(checkLines(r.budget_lines, r.preset_id, { requestedYen: r.requested_yen })),
    startDate: r.start_date,
    endDate: r.end_date,
    state: r.state,
    amountHistory: history,
    createdAt: isoAt(r.created_at),
  };
}

/** The contract view with its amount history, inside a running transaction. */
export async function contractView(m: EntityManager, r: ContractRow): Promise<AnnualContractView> {
  return toContractView(r, (await amountHistories(m, [r.id])).get(r.id) ?? []);
}
