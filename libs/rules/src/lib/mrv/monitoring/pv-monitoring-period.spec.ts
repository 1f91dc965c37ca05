import { gridFactorParameterValue } from '../grid-emission-factor-sources';
import { SOLAR_PV_METHODOLOGY as PV } from '../methodologies/solar-pv-methodology';
import { evaluateMonitoringPeriod, MRV_ENGINE } from './evaluate-monitoring-period';
import { monthlySeries } from './monthly-series';
import { rerunCalculation } from './rerun-calculation';
import { MrvDecimal } from '../engine/mrv-decimal';

const months = (values: readonly string[], meter?: string) => monthlySeries(values, '2025-01-01', meter);

// A 1 MWp rooftop PV in Thailand, 2025: monthly AC output in MWh.
const GENERATION = [
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
const PERIOD = { start: '2025-01-01', end: '2025-12-31' };

function thaiFactor(): string {
  const ef = gridFactorParameterValue({ technology: 'RE', country: 'TH', case: 'GRID' });
  if (!('value' in ef)) throw new Error(ef.gap);
  return ef.value;
}

describe('solar PV monitoring period, Thailand (別添4 No.16 タイ, 再生可能エネルギー 全ての場合 0.319)', () => {
  const input = (generation = GENERATION) => ({
    period: PERIOD,
    values: { EG: months(generation), EF_RE: thaiFactor() },
  });

  it('the PV factor for Thailand is the renewable-energy column, 0.319 tCO2/MWh (TH_AM001), not the EE 0.5664', () => {
    expect(thaiFactor()).toBe('0.319');
    expect(gridFactorParameterValue({ technology: 'EE', country: 'TH', case: 'GRID' })).toMatchObject({
      value: '0.5664',
      source: expect.stringContaining('No.16 タイ'),
    });
  });

  it('twelve months give exactly the hand calculation, rounded down', () => {
    // Hand calculation: Σ EG = 128.4 + 131.7 + 150.2 + 146.9 + 139.3 + 121.6 + 118.1 + 116.4 + 109.9 + 122.5 + 125.0 + 124.3
    //                        = 1,534.3 MWh; RE = 1,534.3 × 0.319 = 489.4417 tCO2; PE = 0; ER = 489.4417 → 489 tCO2 (切り捨て).
    const r = evaluateMonitoringPeriod(PV, input());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results).toEqual({ RE: '489.4417', PE: '0', ER: '489' });
    expect(r.emissionReductionT).toBe('489');
    expect(r.trace.outputs.find((o) => o.id === 'RE')?.steps).toEqual([
      { at: 0, expr: 'sum(EG)', value: '1534.3' },
      { at: 0, expr: 'sum(EG) * EF_RE', value: '489.4417' },
    ]);
    expect(r.trace.outputs.find((o) => o.id === 'ER')).toMatchObject({
      exact: '489.4417',
      value: '489',
      rounding: { mode: 'DOWN', places: 0 },
    });
    expect(r.trace.engine).toEqual(MRV_ENGINE);
    expect(r.trace.methodology).toEqual({ id: 'JCM-PV-GRID', version: '1.0' });
  });

  it("changing one month's value changes the result and the stored trace", () => {
    const a = evaluateMonitoringPeriod(PV, input());
    const changed = [...GENERATION];
    changed[5] = '124.8'; // June +3.2 MWh: Σ 1,537.5 × 0.319 = 490.4625 → 490
    const b = evaluateMonitoringPeriod(PV, input(changed));
    if (!a.ok || !b.ok) throw new Error('expected both to calculate');
    expect(b.results).toEqual({ RE: '490.4625', PE: '0', ER: '490' });
    expect(b.canonicalTrace).not.toBe(a.canonicalTrace);
    expect(b.canonicalTrace).toContain('"value":"124.8"');
  });

  it('re-running the stored calculation reproduces it byte for byte, whatever order the input came in', () => {
    const first = evaluateMonitoringPeriod(PV, input());
    if (!first.ok) throw new Error('expected a calculation');
    const shuffled = { values: { EF_RE: '0.3190', EG: [...months(GENERATION)].reverse() }, period: PERIOD };
    const second = evaluateMonitoringPeriod(PV, shuffled);
    expect(second.ok && second.canonicalTrace).toBe(first.canonicalTrace);
    expect(rerunCalculation(PV, first.canonicalTrace)).toEqual({
      identical: true,
      canonicalTrace: first.canonicalTrace,
    });
    // A tampered stored result is caught at the first differing byte.
    const tampered = first.canonicalTrace.replace('"ER":"489"', '"ER":"490"');
    expect(rerunCalculation(PV, tampered)).toMatchObject({
      identical: false,
      reason: 'DIFFERENT_RESULT',
      firstDifferenceAt: first.canonicalTrace.indexOf('"ER":"489"') + 7,
    });
    expect(rerunCalculation(PV, 'not json')).toEqual({ identical: false, reason: 'NOT_A_TRACE' });
  });

  it('decimal exactness: Σ of twelve months is 2,000.0 MWh exactly, where binary floats floor to one tonne less', () => {
    const gen = [
      '250.0',
      '102.7',
      '255.9',
      '218.1',
      '107.9',
      '123.4',
      '101.0',
      '154.2',
      '287.4',
      '115.6',
      '116.8',
      '167.0',
    ];
    const floatSum = gen.map(Number).reduce((a, b) => a + b, 0);
    expect(floatSum).toBe(1999.9999999999998);
    expect(Math.floor(floatSum * 0.319)).toBe(637); // what a float engine would credit
    const r = evaluateMonitoringPeriod(PV, input(gen));
    expect(r.ok && r.results).toEqual({ RE: '638', PE: '0', ER: '638' }); // 2,000 × 0.319 = 638 exactly
  });

  it('several meters: each meter covers the period, and Σ runs over every entry', () => {
    const half = GENERATION.map((v) => (Number(v) / 2).toFixed(2));
    const r = evaluateMonitoringPeriod(PV, {
      period: PERIOD,
      values: { EG: [...months(half, 'M1'), ...months(half, 'M2')], EF_RE: thaiFactor() },
    });
    expect(r.ok && r.results['ER']).toBe('489');
  });

  it('property: 300 generated periods each equal floor(Σ EG × EF) computed independently, and re-run identically', () => {
    let x = 12_345;
    const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let i = 0; i < 300; i++) {
      const gen = Array.from({ length: 12 }, () => `${next() % 100_000}.${next() % 1000}`);
      const ef = `0.${String(next() % 10_000).padStart(4, '0')}`;
      const r = evaluateMonitoringPeriod(PV, { period: PERIOD, values: { EG: months(gen), EF_RE: ef } });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const expected = gen
        .reduce((a, v) => a.plus(v), new MrvDecimal(0))
        .times(ef)
        .toDecimalPlaces(0, MrvDecimal.ROUND_DOWN)
        .toFixed();
      expect([i, r.emissionReductionT]).toEqual([i, expected]);
      expect(rerunCalculation(PV, r.canonicalTrace).identical).toBe(true);
    }
  });
});

describe('intermediate series outputs', () => {
  it('RE_m = EG × EF per month (rounded per entry), then RE = Σ RE_m; the trace shows both', () => {
    const m = {
      ...PV,
      outputs: [
        {
          id: 'RE_m',
          name: { ja: '月別リファレンス排出量', en: 'Monthly reference emissions' },
          unit: 'tCO2',
          formula: 'EG * EF_RE',
          rounding: { mode: 'HALF_UP' as const, places: 2 },
        },
        ...PV.outputs.map((o) => (o.id === 'RE' ? { ...o, formula: 'Σ(RE_m)' } : o)),
      ],
    };
    const r = evaluateMonitoringPeriod(m, {
      period: { start: '2025-01-01', end: '2025-02-28' },
      values: { EG: monthlySeries(['128.4', '131.7'], '2025-01-01'), EF_RE: '0.319' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 128.4 × 0.319 = 40.9596 → 40.96; 131.7 × 0.319 = 42.0123 → 42.01; Σ = 82.97 → ER 82.
    expect(r.results).toEqual({ RE_m: ['40.96', '42.01'], RE: '82.97', PE: '0', ER: '82' });
    expect(r.trace.outputs[0]).toMatchObject({
      id: 'RE_m',
      exact: ['40.9596', '42.0123'],
      value: ['40.96', '42.01'],
    });
  });
});
