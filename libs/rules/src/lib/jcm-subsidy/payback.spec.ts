import Decimal from 'decimal.js';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';
import { paybackGuideline, paybackYears } from './payback';

describe('payback (投資回収年数, R-EVAL-05 / V-FUND-6)', () => {
  it('FX-16: ¥1,000,000,000 / ¥130,000,000 → 7.6; with ¥400,000,000 subsidy → 4.6', () => {
    expect(paybackYears(1_000_000_000, 130_000_000).toFixed(1)).toBe('7.6');
    expect(paybackYears(1_000_000_000, 130_000_000, 400_000_000).toFixed(1)).toBe('4.6');
  });
  it('2.5 years with subsidy → warning; 3.0 → OK', () => {
    expect(paybackGuideline(new Decimal('2.5'), P)[0]).toMatchObject({
      ruleId: 'R-EVAL-05',
      severity: 'warning',
    });
    expect(paybackGuideline(new Decimal('3.0'), P)).toEqual([]);
  });
});
