import { gridFactorParameterValue, GRID_EF_JCM_FY2021_COUNTRIES } from '../grid-emission-factor-sources';
import { GRID_EF_JCM_FY2021 } from '../grid-emission-factors';
import { CHILLER_METHODOLOGY as CHILLER } from '../methodologies/chiller-methodology';
import { SOLAR_PV_METHODOLOGY as PV } from '../methodologies/solar-pv-methodology';
import { evaluateMonitoringPeriod } from './evaluate-monitoring-period';
import { evaluateMonitoringReport, rerunReportCalculation } from './evaluate-monitoring-report';
import { canonicalJson } from '../engine/canonical-json';
import { monthlySeries } from './monthly-series';

const PERIOD = { start: '2025-01-01', end: '2025-12-31' };
const PV_GENERATION = [
  '128.4',
  '131.7',
  '150.2',
  '146.9',
  '139.3',
  '121.6',
  '118.1',
  '116.4',
  '109.9',
  '122.5',
  '125.0',
  '124.3',
];
const pvInput = {
  period: PERIOD,
  values: { EG: monthlySeries(PV_GENERATION, '2025-01-01'), EF_RE: '0.319' },
};
// anchors/mrv-grants.md §3.2 worked check (ID009-like): EC = 347.2 MWh, EF = 0.533, COP_PJ 6.2, COP_RE 5.6 → ER 19.83 → 19 t.
const anchorChiller = {
  period: PERIOD,
  values: {
    EC_PJ: [{ from: '2025-01-01', to: '2025-12-31', value: '347.2' }],
    COP_PJ: '6.2',
    COP_RE: '5.6',
    EF_elec: '0.533',
  },
};

describe('high-efficiency centrifugal chiller (TH_AM005 structure)', () => {
  it('Thailand, grid (別添4 省エネルギー 右記以外の場合 0.5664): twelve months by hand', () => {
    const ec = [
      '27.4',
      '26.8',
      '30.1',
      '31.5',
      '32.2',
      '30.7',
      '29.9',
      '29.6',
      '28.8',
      '28.3',
      '27.1',
      '26.6',
    ]; // Σ 349.0 MWh
    const ef = gridFactorParameterValue({ technology: 'EE', country: 'TH', case: 'GRID' });
    expect(ef).toMatchObject({ value: '0.5664' });
    const r = evaluateMonitoringPeriod(CHILLER, {
      period: PERIOD,
      values: { EC_PJ: monthlySeries(ec, '2025-01-01'), COP_PJ: '6.2', COP_RE: '5.6', EF_elec: '0.5664' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // RE = 349.0 × 6.2 ÷ 5.6 × 0.5664 = 122,557,632 ÷ 560,000 = 218.852914285714…; PE = 349.0 × 0.5664 = 197.6736;
    // ER = 21.179314285714… → 21 t.
    expect(r.results['RE']).toMatch(/^218\.85291428571428571428571428571428571/);
    expect(r.results['PE']).toBe('197.6736');
    expect(r.results['ER']).toBe('21');
    expect(r.trace.outputs[0].steps.map((s) => s.expr)).toEqual([
      'sum(EC_PJ)',
      'sum(EC_PJ) * COP_PJ',
      'sum(EC_PJ) * COP_PJ / COP_RE',
      'sum(EC_PJ) * COP_PJ / COP_RE * EF_elec',
    ]);
  });

  it('the anchor worked check: ER 19.83 → 19 t', () => {
    const r = evaluateMonitoringPeriod(CHILLER, anchorChiller);
    expect(r.ok && r.results).toMatchObject({ PE: '185.0576', ER: '19' });
    expect(r.ok && r.trace.outputs.find((o) => o.id === 'ER')?.exact).toBe('19.8276');
  });

  it('a project COP below the reference gives a negative ER with a warning, never credits', () => {
    const r = evaluateMonitoringPeriod(CHILLER, {
      ...anchorChiller,
      values: { ...anchorChiller.values, COP_PJ: '5.0' },
    });
    expect(r.ok && r.findings.map((f) => f.ruleId)).toEqual(['MRV-ER-1']);
  });
});

describe('monitoring report over several technologies: rounded down per technology, then summed (plan-forms.md §5.1)', () => {
  it('PV 489.4417 → 489 plus chiller 19.8276 → 19 = 508, not floor(509.2693) = 509', () => {
    const r = evaluateMonitoringReport([
      { technologyId: 'PV-1', methodology: PV, input: pvInput },
      { technologyId: 'CH-1', methodology: CHILLER, input: anchorChiller },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.technologies).toEqual([
      { technologyId: 'PV-1', emissionReductionT: '489' },
      { technologyId: 'CH-1', emissionReductionT: '19' },
    ]);
    expect(r.totalEmissionReductionT).toBe('508');
    const again = evaluateMonitoringReport([
      { technologyId: 'PV-1', methodology: PV, input: pvInput },
      { technologyId: 'CH-1', methodology: CHILLER, input: anchorChiller },
    ]);
    expect(again.ok && again.canonicalTrace).toBe(r.canonicalTrace);
    // The stored report re-runs from its own inputs, with the versions it names, byte for byte.
    const lookup = (id: string, version: string) =>
      [PV, CHILLER].find((m) => m.id === id && m.version === version);
    expect(rerunReportCalculation(r.canonicalTrace, lookup)).toMatchObject({ identical: true });
    expect(
      rerunReportCalculation(
        r.canonicalTrace.replace('"totalEmissionReductionT":"508"', '"totalEmissionReductionT":"509"'),
        lookup,
      ),
    ).toMatchObject({ identical: false, reason: 'DIFFERENT_RESULT' });
    expect(rerunReportCalculation(r.canonicalTrace, () => undefined)).toEqual({
      identical: false,
      reason: 'UNKNOWN_METHODOLOGY',
    });
    // Canonical JSON survives parse → serialise (e.g. a jsonb round trip that reorders keys).
    expect(canonicalJson(JSON.parse(r.canonicalTrace))).toBe(r.canonicalTrace);
  });

  it("a technology's issues come back under its path; duplicate technologies are refused", () => {
    const r = evaluateMonitoringReport([
      { technologyId: 'PV-1', methodology: PV, input: pvInput },
      {
        technologyId: 'PV-1',
        methodology: PV,
        input: { period: PERIOD, values: { EG: monthlySeries(PV_GENERATION, '2025-01-01') } },
      },
    ]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_INPUT', 'technologies.1.technologyId'],
      ['PARAMETER_MISSING', 'technologies.1.input.values.EF_RE'],
    ]);
  });
});

describe('別添4 as data: every row with its No., names and 出典', () => {
  it('all 17 countries of the table, each with a row of factors', () => {
    expect(Object.keys(GRID_EF_JCM_FY2021_COUNTRIES)).toHaveLength(17);
    expect(Object.keys(GRID_EF_JCM_FY2021.countries).sort()).toEqual(
      Object.keys(GRID_EF_JCM_FY2021_COUNTRIES).sort(),
    );
    expect(Object.values(GRID_EF_JCM_FY2021_COUNTRIES).map((c) => c.no)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
  });
  it('cases: captive-only columns, 全ての場合 values, sub-grids and gaps', () => {
    expect(gridFactorParameterValue({ technology: 'EE', country: 'VN', case: 'CAPTIVE_GAS' })).toMatchObject({
      value: '0.46',
    });
    expect(
      gridFactorParameterValue({ technology: 'RE', country: 'VN', case: 'CAPTIVE_DIESEL' }),
    ).toMatchObject({ value: '0.533' });
    expect(
      gridFactorParameterValue({ technology: 'RE', country: 'TH', case: 'CAPTIVE_DIESEL' }),
    ).toMatchObject({ value: '0.319' }); // 全ての場合
    expect(gridFactorParameterValue({ technology: 'EE', country: 'MV', case: 'GRID' })).toMatchObject({
      value: '0.8',
      source: expect.stringContaining('CDMツール等を参照'),
    });
    expect(
      gridFactorParameterValue({ technology: 'RE', country: 'PH', case: 'GRID', subGrid: 'MINDANAO' }),
    ).toMatchObject({ value: '0.468' });
    expect(gridFactorParameterValue({ technology: 'RE', country: 'ID', case: 'GRID' })).toEqual({
      gap: expect.stringContaining('別表2'),
    });
    expect(gridFactorParameterValue({ technology: 'EE', country: 'KH', case: 'GRID' })).toEqual({
      gap: expect.stringContaining('別表3'),
    });
  });
});
