import { fiscalYearJst, percentOf, targetRows } from './target-progress';

describe('progress towards the JCM acquisition targets', () => {
  it('computes percentages in integers, rounded down', () => {
    expect(percentOf(0n, 100_000_000n)).toBe('0.00');
    expect(percentOf(12_345_678n, 100_000_000n)).toBe('12.34');
    expect(percentOf(250_000_000n, 200_000_000n)).toBe('125.00');
    expect(percentOf(1n, 3n)).toBe('33.33');
  });

  it('dates fiscal years (April–March) in Japan time', () => {
    expect(fiscalYearJst(new Date('2031-03-31T14:59:59Z'))).toBe(2030); // 23:59:59 JST on 31 March
    expect(fiscalYearJst(new Date('2031-03-31T15:00:00Z'))).toBe(2031); // 00:00 JST on 1 April
  });

  it('counts up to the end of each target fiscal year', () => {
    const { rows, series } = targetRows([
      { fiscalYear: 2029, issued: 60_000_000n, government: 30_000_000n },
      { fiscalYear: 2031, issued: 50_000_000n, government: 25_000_000n },
    ]);
    expect(rows).toEqual([
      {
        fiscalYear: 2030,
        targetTonnes: '100000000',
        issuedByThen: '60000000',
        percentIssued: '60.00',
        percentGovernmentShare: '30.00',
        remaining: '40000000',
      },
      {
        fiscalYear: 2040,
        targetTonnes: '200000000',
        issuedByThen: '110000000',
        percentIssued: '55.00',
        percentGovernmentShare: '27.50',
        remaining: '90000000',
      },
    ]);
    expect(series.map((s) => s.cumulative)).toEqual(['60000000', '110000000']);
  });
});
