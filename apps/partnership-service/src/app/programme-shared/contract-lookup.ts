import { EntityManager } from 'typeorm';
import { c3pReportSchedule, Finding } from '@jcm/rules';
import { RequestContext } from '@jcm/contracts';
import { CONTRACT_COLUMNS, CONTRACT_FROM, ContractRow } from '../annual-contract/annual-contract.rows';
import { presetOf } from './budget';
import { notFound, tenantFilter } from './programme-sql';

/** The contract a year-end record belongs to, as its caller may see it (another tenant's contract is a 404). */
export async function findContract(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<ContractRow> {
  const params: unknown[] = [id];
  const [row] = await m.query(
    `SELECT ${CONTRACT_COLUMNS} ${CONTRACT_FROM} WHERE c.id = $1 AND ${tenantFilter(ctx, 'c', params)} ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    params,
  );
  if (!row) throw notFound('Contract', id);
  return row;
}

/** Dates outside the contract period (C3P-R3 of c3pReportSchedule, city-partnerships.md §6.3). */
export function outsideContractPeriod(c: Pick<ContractRow, 'start_date' | 'end_date' | 'preset_id'>, dates: string[]): Finding[] {
  const { findings } = c3pReportSchedule({ contractDate: c.start_date, contractEndDate: c.end_date, settlementDates: dates }, presetOf(c.preset_id));
  return findings.filter((f) => f.ruleId === 'C3P-R3');
}
