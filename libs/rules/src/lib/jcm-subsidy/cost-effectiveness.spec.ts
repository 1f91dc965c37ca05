import Decimal from 'decimal.js';
import {
  costEffectiveness,
  costEffectivenessThreshold,
  costEffectivenessWithinThreshold,
} from './cost-effectiveness';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';

const t = (v: string) => new Decimal(v);

describe('costEffectiveness (費用対効果, R-EVAL-04 / V-EFF-5)', () => {
  it('FX-02: ¥298,765,000 ÷ 98,720 t → ¥3,027/t (3,026.39 rounded up)', () => {
    expect(costEffectiveness(298_765_000, t('98720'))).toBe(3027);
  });
  it('FX-10 / FX-11: exact division is not bumped; one yen more is', () => {
    expect(costEffectiveness(98_720_000, t('98720'))).toBe(1000);
    expect(costEffectiveness(98_720_001, t('98720'))).toBe(1001);
  });
  it('FX-24: a zero total is rejected', () => expect(() => costEffectiveness(1, t('0'))).toThrow(RangeError));

  it.each([
    [0, 4000],
    [4, 4000],
    [5, 3000],
    [9, 3000],
    [10, 2500],
    [15, 2500],
  ])('threshold for %i similar projects is ¥%i', (count, yen) =>
    expect(costEffectivenessThreshold(count, P)).toBe(yen),
  );

  it('¥300,000,000 / 85,000 t = ¥3,529.41: passes 4,000, fails 3,000 and 2,500', () => {
    const r = costEffectivenessWithinThreshold(300_000_000, t('85000'), 0, P);
    expect(r.ceExact).toBe('3529.41');
    expect(r.findings).toEqual([]);
    expect(costEffectivenessWithinThreshold(300_000_000, t('85000'), 5, P).findings[0].ruleId).toBe(
      'R-EVAL-04',
    );
    expect(costEffectivenessWithinThreshold(300_000_000, t('85000'), 15, P).findings).toHaveLength(1);
  });
  it('¥200,000,000 / 85,000 t = ¥2,352.94 passes every threshold', () => {
    const r = costEffectivenessWithinThreshold(200_000_000, t('85000'), 15, P);
    expect(r.ceExact).toBe('2352.94');
    expect(r.findings).toEqual([]);
  });
  it('exactly ¥4,000/t passes (以下); ¥4,000.01/t fails', () => {
    expect(costEffectivenessWithinThreshold(400_000_000, t('100000'), 0, P).findings).toEqual([]);
    expect(costEffectivenessWithinThreshold(400_001_000, t('100000'), 0, P).findings).toHaveLength(1);
  });
  it('Eco-Lease: ¥5,000,000 / 2,100 t = ¥2,380.95', () => {
    expect(costEffectivenessWithinThreshold(5_000_000, t('2100'), 0, P).ceExact).toBe('2380.95');
  });
});
