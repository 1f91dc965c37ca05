import { c3pReportSchedule, Finding } from '@jcm/rules';
import { presetOf } from './budget';

/** Dates outside the contract period (C3P-R3 of c3pReportSchedule, city-partnerships.md §6.3). */
export function outsideContractPeriod(
  c: { start_date: string; end_date: string; preset_id: string },
  dates: string[],
): Finding[] {
  const { findings } = c3pReportSchedule(
    { contractDate: c.start_date, contractEndDate: c.end_date, settlementDates: dates },
    presetOf(c.preset_id),
  );
  return findings.filter((f) => f.ruleId === 'C3P-R3');
}
