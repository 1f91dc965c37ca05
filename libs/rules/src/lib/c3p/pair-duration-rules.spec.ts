import { C3P_FY2026_CALL1 as P } from './c3p-preset';
import { pairSevenYearRule, phaseRules } from './pair-duration-rules';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('pairSevenYearRule — city-partnerships.md §7.2', () => {
  it('D1: FY2019–FY2024 then FY2025 → 7th year rejected', () => {
    const r = pairSevenYearRule(range(2019, 2024), 2025, P);
    expect(r).toMatchObject({ countedYears: 7, allowed: false });
    expect(r.findings[0].ruleId).toBe('C3P-D1');
  });
  it('D3: FY2014–FY2016, gap FY2017–FY2022 (6 yrs), FY2023 → new project', () => {
    expect(pairSevenYearRule(range(2014, 2016), 2023, P)).toMatchObject({
      countedYears: 1,
      isNewProject: true,
      allowed: true,
    });
  });
  it('D4: FY2016–FY2018, gap of 4, FY2023 → cumulative 4; FY2026 after FY2023–25 → rejected', () => {
    expect(pairSevenYearRule(range(2016, 2018), 2023, P)).toMatchObject({
      countedYears: 4,
      isNewProject: false,
      allowed: true,
    });
    expect(pairSevenYearRule([...range(2016, 2018), 2023, 2024], 2025, P)).toMatchObject({
      countedYears: 6,
      allowed: true,
    });
    expect(pairSevenYearRule([...range(2016, 2018), ...range(2023, 2025)], 2026, P).allowed).toBe(false);
  });
  it('a gap of 5 years does not reset', () => {
    expect(pairSevenYearRule(range(2014, 2016), 2022, P)).toMatchObject({
      countedYears: 4,
      isNewProject: false,
    });
  });
  it('a first-ever application is new', () =>
    expect(pairSevenYearRule([], 2026, P)).toMatchObject({ countedYears: 1, isNewProject: true }));
});

describe('phaseRules — city-partnerships.md §7.2', () => {
  it('D5: phase 1 year 4 is refused', () =>
    expect(phaseRules({ phase: 1, yearInPhase: 4 }, P)[0].ruleId).toBe('C3P-D5'));
  it('D6: phase 3 is refused', () =>
    expect(phaseRules({ phase: 3, yearInPhase: 1 }, P)[0].ruleId).toBe('C3P-D6'));
  it('D2: FY2023–FY2025 phase 1 → FY2026 phase 2 year 1 with no novelty is not selectable', () => {
    const f = phaseRules({ phase: 2, yearInPhase: 1, themeNovelty: 'NONE', phase1FinalFiscalYear: 2025 }, P);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([
      ['C3P-D2', 'error'],
      ['C3P-D2', 'info'],
    ]);
    expect(phaseRules({ phase: 2, yearInPhase: 1, themeNovelty: 'HIGH' }, P)).toEqual([]);
  });
  it('phase 1 years 1–3 are fine', () =>
    expect([1, 2, 3].flatMap((y) => phaseRules({ phase: 1, yearInPhase: y }, P))).toEqual([]));
});
