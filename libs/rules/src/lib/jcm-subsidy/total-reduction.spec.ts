import Decimal from 'decimal.js';
import { projectTotalReduction, sumOfFlooredTotals, totalReduction } from './total-reduction';

const d = (v: string) => new Decimal(v);

describe('totalReduction (排出削減総量, R-EVAL-03)', () => {
  it('FX-01: 12,340 t/yr × 8 yr = 98,720 t', () =>
    expect(totalReduction(d('12340'), 8).toFixed()).toBe('98720'));
  it('5,000 t/yr × 17 yr = 85,000 t', () => expect(totalReduction(d('5000'), 17).toFixed()).toBe('85000'));
  it('Eco-Lease: 300 t/yr × 7 lease years = 2,100 t', () =>
    expect(totalReduction(d('300'), 7).toFixed()).toBe('2100'));
  it('FX-12: floored annual, per technology, then summed → 20,845', () => {
    const r = projectTotalReduction([
      { annualT: d('1234.9'), years: 10 },
      { annualT: d('567.8'), years: 15 },
    ]);
    expect(r.perTechnologyT.map((t) => t.toFixed())).toEqual(['12340', '8505']);
    expect(r.totalT.toFixed()).toBe('20845');
  });
  it('FX-13: raw annual policy → 12,349 + 8,517 = 20,866', () => {
    const r = projectTotalReduction(
      [
        { annualT: d('1234.9'), years: 10 },
        { annualT: d('567.8'), years: 15 },
      ],
      'rawAnnual',
    );
    expect(r.totalT.toFixed()).toBe('20866');
  });
  it('FX-14: sum of floors, not floor of sum → 300', () => {
    expect(sumOfFlooredTotals([d('100.6'), d('200.7')]).toFixed()).toBe('300');
  });
  it('rejects a fractional useful life', () => expect(() => totalReduction(d('1'), 1.5)).toThrow(RangeError));
});
