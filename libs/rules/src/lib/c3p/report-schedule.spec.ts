import { C3P_FY2026_CALL1 as P } from './c3p-preset';
import { c3pReportSchedule } from './report-schedule';

describe('c3pReportSchedule — city-partnerships.md §2.5, §6.5–§6.9', () => {
  it('FY2026 contract from 2026-05-15: monthly reports May–March; due day configurable (10th → next month)', () => {
    const r = c3pReportSchedule({ contractDate: '2026-05-15', monthlyReportDueDay: 10 }, P);
    expect(r.monthlyReports).toHaveLength(11);
    expect(r.monthlyReports[0]).toEqual({ month: '2026-05', dueDate: '2026-06-10' });
    expect(r.monthlyReports[10]).toEqual({ month: '2027-03', dueDate: '2027-04-10' });
    expect(r.meetings.map((m) => m.kind)).toEqual(['KICKOFF', 'INTERIM', 'FINAL']);
    expect(r.meetings[0].date).toBe('2026-05-15');
    expect(r.settlements).toHaveLength(2);
  });
  it('no due day in the preset → due dates null and an info finding', () => {
    const r = c3pReportSchedule({ contractDate: '2026-04-01' }, P);
    expect(r.monthlyReports[0].dueDate).toBeNull();
    expect(r.findings.map((f) => f.ruleId)).toEqual(['C3P-R1', 'C3P-R2']);
  });
  it('a due day of 31 is clamped to the end of February', () => {
    const r = c3pReportSchedule({ contractDate: '2027-01-05', monthlyReportDueDay: 31 }, P);
    expect(r.monthlyReports.map((m) => m.dueDate)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
  });
  it('dates outside the contract year are errors', () => {
    const r = c3pReportSchedule(
      {
        contractDate: '2026-05-15',
        interimMeetingDate: '2026-10-01',
        finalMeetingDate: '2027-04-02',
        settlementDates: ['2026-10-30', '2027-03-20'],
      },
      P,
    );
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['C3P-R3']);
  });
});
