import { EntityManager } from 'typeorm';
import { BudgetLine, SETTLEMENT_COUNTED_STATES, SettlementReportView } from '@jcm/contracts';
import {
  computed,
  date,
  defineSource,
  defineTable,
  int,
  iso,
  isoAt,
  queryRows,
  text,
  timestamptz,
  uuid,
  uuidArray,
  yen,
} from '@jcm/service-kit';
import { ANNUAL_CONTRACT } from '../annual-contract/annual-contract.rows';
import { CALL_ROUND } from '../call/call.rows';

/** 精算報告 (partnership.settlement_report): integer yen in bigint, totals derived from its lines. */
export const SETTLEMENT_REPORT = defineTable(
  'partnership.settlement_report',
  {
    id: uuid().default(),
    contract_id: uuid(),
    sequence: int(),
    period_from: date(),
    period_to: date(),
    state: text<SettlementReportView['state']>().default(),
    subtotal_excl_tax_yen: yen(),
    consumption_tax_yen: yen(),
    total_incl_tax_yen: yen(),
    return_comment: text().nullable().default(),
    submitted_at: timestamptz().nullable().default(),
    accepted_at: timestamptz().nullable().default(),
    participant_org_ids: uuidArray(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** An expense line of a settlement report (partnership.settlement_line), by position. */
export const SETTLEMENT_LINE = defineTable('partnership.settlement_line', {
  id: uuid().default(),
  report_id: uuid(),
  position: int(),
  category: text<BudgetLine['category']>(),
  amount_yen: yen(),
  note: text().nullable(),
  participant_org_ids: uuidArray(),
});

const COUNTED = `'{${SETTLEMENT_COUNTED_STATES.join(',')}}'::text[]`;

/** A report with its contract (parties, state, amount, period) and what the contract's other reports settle. */
export const SETTLEMENT_REPORT_SOURCE = defineSource({
  from: `partnership.settlement_report s JOIN partnership.annual_contract c ON c.id = s.contract_id
    JOIN partnership.call_round cr ON cr.id = c.call_id`,
  alias: 's',
  label: 'Settlement report',
  // The contract is locked with the report: the cumulative check reads the contract amount and the other reports.
  lockOf: 's, c',
  fields: {
    ...SETTLEMENT_REPORT.fields('s'),
    ...ANNUAL_CONTRACT.fields('c', ['company', 'contract_amount_yen', 'start_date', 'end_date']),
    contract_state: ANNUAL_CONTRACT.field('c', 'state'),
    preset_id: CALL_ROUND.field('cr', 'preset_id'),
    settled_elsewhere_yen: computed(
      `(SELECT coalesce(sum(o.total_incl_tax_yen), 0) FROM partnership.settlement_report o
         WHERE o.contract_id = s.contract_id AND o.id <> s.id AND o.state = ANY(${COUNTED}))::bigint`,
      yen(),
    ),
  },
});
export type SettlementReportRow = ReturnType<typeof SETTLEMENT_REPORT_SOURCE.decode>;

/** What the contract's submitted and accepted reports settle, tax included. */
export async function settledOnContract(m: EntityManager, contractId: string): Promise<number> {
  const [{ sum }] = await queryRows(
    m,
    { sum: yen() },
    `SELECT coalesce(sum(total_incl_tax_yen), 0)::bigint AS sum FROM ${SETTLEMENT_REPORT.name} WHERE contract_id = $1 AND state = ANY($2::text[])`,
    [contractId, SETTLEMENT_COUNTED_STATES],
  );
  return sum;
}

/** The next report number of a contract (its row is locked by the caller, so numbers never collide). */
export async function nextSequence(m: EntityManager, contractId: string): Promise<number> {
  const [{ next }] = await queryRows(
    m,
    { next: int() },
    `SELECT coalesce(max(sequence), 0)::int + 1 AS next FROM ${SETTLEMENT_REPORT.name} WHERE contract_id = $1`,
    [contractId],
  );
  return next;
}

export async function writeLines(
  m: EntityManager,
  reportId: string,
  lines: readonly BudgetLine[],
  participants: string[],
): Promise<void> {
  await SETTLEMENT_LINE.insertMany(
    m,
    lines.map((l, i) => ({
      report_id: reportId,
      position: i + 1,
      category: l.category,
      amount_yen: l.amountYen,
      note: l.note ?? null,
      participant_org_ids: participants,
    })),
  );
}

export async function loadLines(m: EntityManager, ids: string[]): Promise<Map<string, BudgetLine[]>> {
  const out = new Map<string, BudgetLine[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await queryRows(
    m,
    SETTLEMENT_LINE.columns,
    `SELECT ${SETTLEMENT_LINE.selectList()} FROM ${SETTLEMENT_LINE.name} WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, position`,
    [ids],
  );
  for (const r of rows)
    out
      .get(r.report_id)
      ?.push({ category: r.category, amountYen: r.amount_yen, ...(r.note === null ? {} : { note: r.note }) });
  return out;
}

export function toSettlementReportView(r: SettlementReportRow, lines: BudgetLine[]): SettlementReportView {
  return {
    id: r.id,
    contractId: r.contract_id,
    sequence: r.sequence,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    state: r.state,
    lines,
    subtotalExclTaxYen: r.subtotal_excl_tax_yen,
    consumptionTaxYen: r.consumption_tax_yen,
    totalInclTaxYen: r.total_incl_tax_yen,
    contractAmountYen: r.contract_amount_yen,
    settledElsewhereYen: r.settled_elsewhere_yen,
    returnComment: r.return_comment,
    submittedAt: iso(r.submitted_at),
    acceptedAt: iso(r.accepted_at),
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
