import { addDays, addMonths, type IsoDate } from '../../shared/iso-date';
import type { SeriesEntry } from './monitoring-input.schema';

/** One series entry per calendar month from `firstMonth` (a 1st of the month), e.g. twelve months of generation. */
export function monthlySeries(values: readonly string[], firstMonth: IsoDate, meter?: string): SeriesEntry[] {
  return values.map((value, i) => {
    const from = addMonths(firstMonth, i);
    return { from, to: addDays(addMonths(from, 1), -1), value, ...(meter ? { meter } : {}) };
  });
}
