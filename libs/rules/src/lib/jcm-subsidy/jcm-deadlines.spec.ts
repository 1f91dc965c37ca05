import {
  booksRetentionUntil,
  completionReportDeadline,
  completionWithinYearsDeadline,
  finalIssuanceDeadlines,
  firstIssuanceDeadline,
  fiscalYearEndReportDeadline,
  grantApplicationDeadline,
  inFirstReviewBatch,
  naijiCancellableAfter,
  paymentDeadline,
  projectCompletionDeadline,
  registrationDeadline,
  submissionWithinCallWindow,
} from './jcm-deadlines';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';

describe('JCM deadlines — jcm-grants.md §7 Dates', () => {
  it.each([
    ['2022-01-20', '2022-02-19'],
    ['2022-02-25', '2022-03-10'],
    ['2024-01-31', '2024-03-01'],
  ])('completion %s → completion report by %s (R-SCH-03)', (done, due) => {
    expect(completionReportDeadline(done, P)).toBe(due);
  });
  it('FY-end report: FY2021 → 2022-04-10, FY2022 → 2023-04-10 (R-SCH-02)', () => {
    expect(fiscalYearEndReportDeadline(2021, P)).toBe('2022-04-10');
    expect(fiscalYearEndReportDeadline(2022, P)).toBe('2023-04-10');
  });
  it('payment: request 2022-03-15 → 2022-04-30; 2022-04-05 → 2023-04-30 (R-SCH-05)', () => {
    expect(paymentDeadline('2022-03-15', P)).toBe('2022-04-30');
    expect(paymentDeadline('2022-04-05', P)).toBe('2023-04-30');
  });
  it('内示 2021-06-25 → 交付申請 by 2021-07-25; cancellable after 2021-08-24 (R-SCH-04)', () => {
    expect(grantApplicationDeadline('2021-06-25', P)).toBe('2021-07-25');
    expect(naijiCancellableAfter('2021-06-25', P)).toBe('2021-08-24');
  });
  it('registration ≤ completion + 1 year; first issuance ≤ registration + 1 year (R-POST-01, R-POST-03)', () => {
    expect(registrationDeadline('2022-02-28', P)).toBe('2023-02-28');
    expect(firstIssuanceDeadline('2023-06-01', P)).toBe('2024-06-01');
  });
  it('books kept 5 years: 2024-01-31 → 2029-01-31 (R-POST-08)', () => {
    expect(booksRetentionUntil('2024-01-31', P)).toBe('2029-01-31');
  });
  it('useful life ends in 2033 → 2021–2030 vintage requested during 2031; final ≤ expiry + 1 year', () => {
    const r = finalIssuanceDeadlines('2033-05-31', P);
    expect(r.finalRequestBy).toBe('2034-05-31');
    expect(r.vintage2021to2030Window).toEqual({ from: '2031-01-01', to: '2031-12-31' });
    expect(finalIssuanceDeadlines('2029-12-31', P).vintage2021to2030Window).toBeNull();
  });
  it('project completion deadline by type (R-SCH-01)', () => {
    expect(projectCompletionDeadline('FY2021_SINGLE', P).deadline).toBe('2022-02-28');
    expect(projectCompletionDeadline('FY2021_2022', P).deadline).toBe('2023-02-28');
    expect(projectCompletionDeadline('FY2021_2023', P).deadline).toBe('2024-01-31');
    expect(projectCompletionDeadline('FY2021_2023', P, '2024-02-01').findings[0].ruleId).toBe('R-SCH-01');
  });
  it('J10: grant decision 2026-06-01 → complete within 3 years by 2029-05-31', () => {
    expect(completionWithinYearsDeadline('2026-06-01', 3)).toBe('2029-05-31');
  });
  it('call window: 2021-10-29 11:59 accepted, 12:00:01 late (R-APP-11)', () => {
    expect(submissionWithinCallWindow('2021-10-29T11:59:00+09:00', P)).toEqual([]);
    expect(submissionWithinCallWindow('2021-10-29T12:00:00+09:00', P)).toEqual([]);
    expect(submissionWithinCallWindow('2021-10-29T12:00:01+09:00', P)[0].ruleId).toBe('R-APP-11');
  });
  it('first batch: received 2021-05-10 → yes; 2021-05-11 → after the first adoption', () => {
    expect(inFirstReviewBatch('2021-05-10', P)).toBe(true);
    expect(inFirstReviewBatch('2021-05-11', P)).toBe(false);
  });
});
