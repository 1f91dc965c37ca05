import { addDays, compareDates, daysBetween, isIsoDate } from '../../shared/iso-date';
import { dateOfDayNumber, dayNumber, isCalendarDate } from './day-number';

describe('day numbers agree with shared/iso-date.ts', () => {
  it('every day from 1999-12-25 to 2101-03-05 round-trips and counts like daysBetween', () => {
    const first = dayNumber('1999-12-25');
    let date = '1999-12-25';
    for (let n = first; date <= '2101-03-05'; n++, date = addDays(date, 1)) {
      if (dayNumber(date) !== n || dateOfDayNumber(n) !== date) throw new Error(`mismatch at ${date}`);
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2025-12-31') - dayNumber('2025-01-01')).toBe(daysBetween('2025-01-01', '2025-12-31'));
    expect(compareDates('2024-02-29', '2024-03-01')).toBeLessThan(0);
  });
  it('accepts exactly the calendar dates isIsoDate accepts', () => {
    for (const d of [
      '2024-02-29',
      '2023-02-29',
      '2100-02-29',
      '2000-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-1-01',
      '2025-01-01x',
      '0000-01-01',
      'abcd-ef-gh',
      '2025-00-10',
    ]) {
      expect([d, isCalendarDate(d)]).toEqual([d, isIsoDate(d)]);
    }
  });
});
