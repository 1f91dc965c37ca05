import { CHILLER_METHODOLOGY as CHILLER } from '../methodologies/chiller-methodology';
import { SOLAR_PV_METHODOLOGY as PV } from '../methodologies/solar-pv-methodology';
import { evaluateMonitoringPeriod, type PeriodEvaluation } from './evaluate-monitoring-period';
import { monthlySeries } from './monthly-series';

const months = (values: readonly string[], meter?: string) => monthlySeries(values, '2025-01-01', meter);
const PERIOD = { start: '2025-01-01', end: '2025-12-31' };
const TWELVE = Array.from({ length: 12 }, () => '100');
const issues = (r: PeriodEvaluation) =>
  r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), parameter: i.parameter }));

describe('checks before computing', () => {
  it('a missing parameter is named; so is a 別添4-bound factor', () => {
    const r = evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: months(TWELVE) } });
    expect(issues(r)).toEqual([{ code: 'PARAMETER_MISSING', path: 'values.EF_RE', parameter: 'EF_RE' }]);
    expect(!r.ok && r.issues[0].message_en).toContain('EF_RE');
    expect(!r.ok && r.issues[0].message_ja).toContain('別添4');
  });

  it('a value outside the plausible range is named with the range', () => {
    const gen = [...TWELVE];
    gen[2] = '-5';
    const r = evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: months(gen), EF_RE: '2.1' } });
    expect(issues(r)).toEqual([
      { code: 'OUT_OF_RANGE', path: 'values.EG.2.value', parameter: 'EG' },
      { code: 'OUT_OF_RANGE', path: 'values.EF_RE', parameter: 'EF_RE' },
    ]);
    expect(!r.ok && r.issues[0].message_en).toContain('2025-03-01–2025-03-31');
    expect(!r.ok && r.issues[1]).toMatchObject({
      range: { min: '0', max: '1.5' },
      message_en: expect.stringContaining('0 to 1.5 tCO2/MWh'),
    });
  });

  it('gaps and overlaps in the monthly series, per meter', () => {
    const gap = months(TWELVE).filter((_, i) => i !== 4); // May missing
    expect(
      issues(evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: gap, EF_RE: '0.319' } })),
    ).toEqual([{ code: 'SERIES_GAP', path: 'values.EG.4', parameter: 'EG' }]);
    const overlap = [...months(TWELVE), { from: '2025-06-15', to: '2025-06-30', value: '1' }];
    expect(
      issues(evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: overlap, EF_RE: '0.319' } })),
    ).toEqual([{ code: 'SERIES_OVERLAP', path: 'values.EG.12', parameter: 'EG' }]);
    const shortMeter = [...months(TWELVE, 'M1'), ...months(TWELVE.slice(0, 11), 'M2')]; // M2 ends in November
    const r = evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: shortMeter, EF_RE: '0.319' } });
    expect(issues(r)).toEqual([{ code: 'SERIES_GAP', path: 'values.EG', parameter: 'EG' }]);
    expect(!r.ok && r.issues[0].message_en).toBe('EG M2: no value for 2025-12-01–2025-12-31.');
    const outside = months([...TWELVE, '1']); // a 13th month, 2026-01
    expect(
      issues(evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: outside, EF_RE: '0.319' } })),
    ).toEqual([{ code: 'SERIES_OUTSIDE_PERIOD', path: 'values.EG.12', parameter: 'EG' }]);
  });

  it('a period overlapping an earlier period is refused; an adjoining one is fine', () => {
    const values = { EG: months(TWELVE), EF_RE: '0.319' };
    const r = evaluateMonitoringPeriod(PV, {
      period: PERIOD,
      values,
      earlierPeriods: [{ start: '2024-01-01', end: '2025-01-31', label: 'MR-1' }],
    });
    expect(issues(r)).toEqual([{ code: 'PERIOD_OVERLAP', path: 'earlierPeriods.0', parameter: undefined }]);
    expect(!r.ok && r.issues[0].message_en).toContain('MR-1 2024-01-01–2025-01-31');
    expect(
      evaluateMonitoringPeriod(PV, {
        period: PERIOD,
        values,
        earlierPeriods: [{ start: '2024-01-01', end: '2024-12-31' }],
      }).ok,
    ).toBe(true);
  });

  it('unknown parameters, wrong shapes and non-decimal values fail loudly instead of counting as 0', () => {
    expect(
      issues(
        evaluateMonitoringPeriod(PV, {
          period: PERIOD,
          values: { EG: '1200', EF_RE: '0.319', EF_GRID: '0.5' },
        }),
      ),
    ).toEqual([
      { code: 'UNKNOWN_PARAMETER', path: 'values.EF_GRID', parameter: 'EF_GRID' },
      { code: 'SHAPE_MISMATCH', path: 'values.EG', parameter: 'EG' },
    ]);
    expect(
      issues(
        evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: months(TWELVE), EF_RE: 0.319 } }),
      )[0],
    ).toMatchObject({ code: 'INVALID_INPUT', path: 'values.EF_RE' });
    expect(
      issues(
        evaluateMonitoringPeriod(PV, { period: { start: '2025-12-31', end: '2025-01-01' }, values: {} }),
      ),
    ).toEqual([{ code: 'PERIOD_INVALID', path: 'period.end', parameter: undefined }]);
  });

  it('division by zero at evaluation is refused with the formula position', () => {
    const zeroCop = {
      ...CHILLER,
      parameters: CHILLER.parameters.map((p) =>
        p.id === 'COP_RE' ? { ...p, plausibleRange: undefined } : p,
      ),
    };
    const r = evaluateMonitoringPeriod(zeroCop, {
      period: PERIOD,
      values: { EC_PJ: months(TWELVE), COP_PJ: '6.2', COP_RE: '0', EF_elec: '0.5664' },
    });
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: 'DIVISION_BY_ZERO',
      path: ['outputs', 0, 'formula'],
      position: { offset: 22, line: 1, column: 23 },
    });
  });
});

describe('names that collide with Object.prototype', () => {
  it('a parameter named "constructor" is missing when not given, not the inherited function', () => {
    const m = {
      ...PV,
      parameters: PV.parameters.map((p) => (p.id === 'EF_RE' ? { ...p, id: 'constructor' } : p)),
      outputs: PV.outputs.map((o) => (o.id === 'RE' ? { ...o, formula: 'sum(EG) * constructor' } : o)),
    };
    expect(issues(evaluateMonitoringPeriod(m, { period: PERIOD, values: { EG: months(TWELVE) } }))).toEqual([
      { code: 'PARAMETER_MISSING', path: 'values.constructor', parameter: 'constructor' },
    ]);
    const r = evaluateMonitoringPeriod(
      m,
      JSON.parse(
        `{"period":{"start":"2025-01-01","end":"2025-12-31"},"values":{"constructor":"0.319","EG":${JSON.stringify(months(TWELVE))}}}`,
      ),
    );
    expect(r.ok && r.results['RE']).toBe('382.8');
    // A "__proto__" key in posted JSON pollutes nothing: it is not taken as a value, the real parameters are missing.
    const polluted = evaluateMonitoringPeriod(
      PV,
      JSON.parse('{"period":{"start":"2025-01-01","end":"2025-12-31"},"values":{"__proto__":{"EG":"1"}}}'),
    );
    expect(issues(polluted).map((i) => i.code)).toEqual(['PARAMETER_MISSING', 'PARAMETER_MISSING']);
    expect(({} as Record<string, unknown>)['EG']).toBeUndefined();
  });
});
