import { percentOf, withConversions } from './dashboard-figures';

describe('dashboard figures', () => {
  it('states a share in hundredths, rounded down, without floats', () => {
    // 1,501 t issued against the FY2030 target of 100 Mt (city-partnerships.md §3.1).
    expect(percentOf('1501', '100000000')).toBe('0.00');
    expect(percentOf('33333333', '100000000')).toBe('33.33');
    expect(percentOf(2, 3)).toBe('66.66');
    expect(percentOf(5, 0)).toBe('0.00');
  });

  it('converts each stage over the one before it', () => {
    const rows = withConversions([
      { stage: 'city_pair', count: 4, yen: '0', tco2: '0' },
      { stage: 'jcm_lead', count: 3, yen: '0', tco2: '0' },
      { stage: 'application', count: 0, yen: '0', tco2: '0' },
    ]);
    expect(rows.map((r) => r.conversionPercent)).toEqual([null, '75.00', '0.00']);
  });
});
