import { CHILLER_METHODOLOGY } from '../methodologies/chiller-methodology';
import { SOLAR_PV_METHODOLOGY } from '../methodologies/solar-pv-methodology';
import { evaluateMonitoringPeriod } from '../monitoring/evaluate-monitoring-period';
import { compileMethodology, MethodologySchema, validateMethodology } from './compile-methodology';
import { checkEligibility } from './eligibility';
import {
  amendMethodology,
  compareMethodologyVersions,
  methodologyCanonicalJson,
  publishMethodology,
  reviseMethodology,
} from './methodology-lifecycle';
import type { Methodology } from './methodology.schema';

const draft = (patch: Partial<Methodology> = {}): Methodology => ({
  ...SOLAR_PV_METHODOLOGY,
  status: 'DRAFT',
  publishedOn: undefined,
  ...patch,
});
const withFormula = (id: string, formula: string): Methodology =>
  draft({ outputs: SOLAR_PV_METHODOLOGY.outputs.map((o) => (o.id === id ? { ...o, formula } : o)) });

describe('methodology validation when it is saved', () => {
  it('the shipped methodologies compile', () => {
    expect(compileMethodology(SOLAR_PV_METHODOLOGY).issues).toEqual([]);
    expect(compileMethodology(CHILLER_METHODOLOGY).issues).toEqual([]);
    expect(MethodologySchema.safeParse(CHILLER_METHODOLOGY).success).toBe(true);
  });

  it('refuses a function outside the allow-list, with the field path and the position', () => {
    const r = MethodologySchema.safeParse(withFormula('RE', 'sum(EG) * pow(EF_RE, 1)'));
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['outputs', 0, 'formula'],
        params: { code: 'UNKNOWN_FUNCTION', position: { offset: 10, line: 1, column: 11 } },
      }),
    ]);
  });

  it('refuses a reference to an undefined parameter, with its position', () => {
    const r = validateMethodology(withFormula('RE', 'sum(EG) * EF_grid'));
    expect(r).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          path: ['outputs', 0, 'formula'],
          code: 'UNDEFINED_PARAMETER',
          position: { offset: 10, line: 1, column: 11 },
        }),
      ],
    });
  });

  it('refuses circular outputs, a non-scalar RE, missing outputs and duplicate names', () => {
    const cyclic = draft({
      outputs: SOLAR_PV_METHODOLOGY.outputs.map((o) => (o.id === 'PE' ? { ...o, formula: 'ER * 0' } : o)),
    });
    expect(compileMethodology(cyclic).issues.map((i) => i.code)).toContain('CYCLE');
    expect(compileMethodology(withFormula('RE', 'EG * EF_RE')).issues).toEqual([
      expect.objectContaining({ code: 'OUTPUT_NOT_SCALAR', path: ['outputs', 0, 'formula'] }),
    ]);
    expect(
      compileMethodology(draft({ outputs: SOLAR_PV_METHODOLOGY.outputs.filter((o) => o.id !== 'PE') }))
        .issues,
    ).toEqual([
      expect.objectContaining({ code: 'MISSING_OUTPUT' }),
      expect.objectContaining({ code: 'UNDEFINED_PARAMETER', path: ['outputs', 1, 'formula'] }),
    ]);
    const dup = draft({
      parameters: [...SOLAR_PV_METHODOLOGY.parameters, { ...SOLAR_PV_METHODOLOGY.parameters[1] }],
    });
    expect(compileMethodology(dup).issues).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_NAME', path: ['parameters', 2, 'id'] }),
    ]);
  });

  it('refuses a default outside its plausible range and an inverted range', () => {
    const params = SOLAR_PV_METHODOLOGY.parameters.map((p) =>
      p.id === 'EF_RE' ? { ...p, defaultValue: '2' } : p,
    );
    expect(compileMethodology(draft({ parameters: params })).issues).toEqual([
      expect.objectContaining({ code: 'DEFAULT_OUT_OF_RANGE', path: ['parameters', 1, 'defaultValue'] }),
    ]);
    const inverted = SOLAR_PV_METHODOLOGY.parameters.map((p) =>
      p.id === 'EG' ? { ...p, plausibleRange: { min: '10', max: '1' } } : p,
    );
    expect(compileMethodology(draft({ parameters: inverted })).issues[0].code).toBe('RANGE_INVERTED');
  });

  it('refuses bad shapes with zod paths: a float default, a function name as a parameter', () => {
    const r = validateMethodology({
      ...draft(),
      parameters: [
        { ...SOLAR_PV_METHODOLOGY.parameters[0], id: 'sum' },
        { ...SOLAR_PV_METHODOLOGY.parameters[1], defaultValue: 0.5 },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path.join('.'))).toEqual([
      'parameters.0.id',
      'parameters.1.defaultValue',
    ]);
  });
});

describe('methodology lifecycle: draft → published, a published version never changes', () => {
  it('publishes a compiling draft, refuses to publish twice or a broken draft', () => {
    const p = publishMethodology(draft(), '2026-12-01');
    expect(p.ok && p.methodology).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-12-01' });
    expect(publishMethodology(SOLAR_PV_METHODOLOGY, '2026-12-02').ok).toBe(false);
    expect(publishMethodology(withFormula('RE', 'bad('), '2026-12-02')).toMatchObject({
      ok: false,
      issues: [{ code: 'SYNTAX_ERROR' }],
    });
  });
  it('a published version refuses any edit; a new version is a draft beside it', () => {
    const edited = {
      ...SOLAR_PV_METHODOLOGY,
      outputs: SOLAR_PV_METHODOLOGY.outputs.map((o) =>
        o.id === 'RE' ? { ...o, formula: 'sum(EG) * EF_RE * 2' } : o,
      ),
    };
    expect(amendMethodology(SOLAR_PV_METHODOLOGY, edited)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('create version 1.1') }],
    });
    expect(amendMethodology(SOLAR_PV_METHODOLOGY, { ...SOLAR_PV_METHODOLOGY }).ok).toBe(true);
    expect(amendMethodology(draft(), { ...draft(), title: { ja: '改', en: 'Edited' } }).ok).toBe(true);
    const next = reviseMethodology(SOLAR_PV_METHODOLOGY, '1.1', ['1.0']);
    expect(next.ok && next.methodology).toMatchObject({ version: '1.1', status: 'DRAFT' });
    expect(next.ok && 'publishedOn' in next.methodology).toBe(false);
    expect(reviseMethodology(SOLAR_PV_METHODOLOGY, '1.1', ['1.0', '1.10']).ok).toBe(false);
    expect(compareMethodologyVersions('1.10', '1.9')).toBeGreaterThan(0);
  });
  it('the canonical JSON does not depend on key order', () => {
    const reordered = Object.fromEntries(Object.entries(SOLAR_PV_METHODOLOGY).reverse()) as Methodology;
    expect(methodologyCanonicalJson(reordered)).toBe(methodologyCanonicalJson(SOLAR_PV_METHODOLOGY));
  });
});

describe('eligibility checklist (plan-forms.md A-9 9(2))', () => {
  it('every criterion answered and met → eligible; otherwise one finding per criterion', () => {
    const all = Object.fromEntries(
      CHILLER_METHODOLOGY.eligibility.map((c) => [c.id, { met: true, evidence: 'spec sheet' }]),
    );
    expect(checkEligibility(CHILLER_METHODOLOGY, all)).toEqual({ eligible: true, findings: [] });
    const r = checkEligibility(CHILLER_METHODOLOGY, { ...all, C2: { met: false }, C9: { met: true } });
    expect(r.eligible).toBe(false);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['MRV-ELIG-2', 'MRV-ELIG-4']);
    const missing = Object.fromEntries(Object.entries(all).filter(([id]) => id !== 'C4'));
    expect(checkEligibility(CHILLER_METHODOLOGY, missing).findings.map((f) => f.ruleId)).toEqual([
      'MRV-ELIG-1',
    ]);
  });
});

describe('garbage in: issues, never a throw', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['a string', 'x'],
    ['an empty object', {}],
    ['parameters not a list', { ...SOLAR_PV_METHODOLOGY, parameters: 'x' }],
    ['a formula that is a number', { ...SOLAR_PV_METHODOLOGY, outputs: [{ id: 'RE', formula: 5 }] }],
  ];
  it.each(cases)('methodology: %s', (_label, raw) => {
    expect(MethodologySchema.safeParse(raw).success).toBe(false);
    expect(validateMethodology(raw).ok).toBe(false);
  });
  it.each(cases)('monitoring input: %s', (_label, raw) => {
    expect(evaluateMonitoringPeriod(SOLAR_PV_METHODOLOGY, raw)).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([expect.objectContaining({ code: 'INVALID_INPUT' })]),
    });
  });
});
