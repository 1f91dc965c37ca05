import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';
import { confirmedAmountWithinDecision, finalPayment, reallocationNeedsApproval } from './plan-change-rules';

describe('reallocationNeedsApproval (15% rule, R-FIN-08)', () => {
  it('¥12,000,000 out of 工事費 ¥80M / 設備費 ¥200M is within 15% (inclusive)', () => {
    const r = reallocationNeedsApproval(12_000_000, 80_000_000, 200_000_000, P);
    expect(r.needsApproval).toBe(false);
    expect(r.thresholdYen).toBe('12000000');
  });
  it('¥12,000,001 needs approval', () => {
    const r = reallocationNeedsApproval(12_000_001, 80_000_000, 200_000_000, P);
    expect(r.needsApproval).toBe(true);
    expect(r.findings[0].ruleId).toBe('R-FIN-08');
  });
});

describe('finalPayment (精算払, R-FIN-09)', () => {
  it('confirmed ¥100M − advances ¥60M → pay ¥40M', () => {
    expect(finalPayment(100_000_000, [60_000_000])).toMatchObject({
      finalPaymentYen: 40_000_000,
      refundYen: 0,
    });
  });
  it('advances ¥110M → refund ¥10M', () => {
    const r = finalPayment(100_000_000, [50_000_000, 60_000_000]);
    expect(r).toMatchObject({ finalPaymentYen: 0, refundYen: 10_000_000 });
    expect(r.findings[0].ruleId).toBe('R-FIN-09');
  });
});

describe('confirmedAmountWithinDecision (R-FIN-10)', () => {
  it('confirmed within both limits → no findings', () => {
    expect(
      confirmedAmountWithinDecision({
        confirmedYen: 40_000_000,
        decidedYen: 40_000_000,
        decidedRate: '0.4',
        actualEligibleCostYen: 100_000_000,
      }),
    ).toEqual([]);
  });
  it('confirmed above decided amount and above cost × rate → two errors', () => {
    const f = confirmedAmountWithinDecision({
      confirmedYen: 45_000_000,
      decidedYen: 40_000_000,
      decidedRate: '0.4',
      actualEligibleCostYen: 100_000_000,
    });
    expect(f.map((x) => x.ruleId)).toEqual(['R-FIN-10', 'R-FIN-10']);
  });
});
