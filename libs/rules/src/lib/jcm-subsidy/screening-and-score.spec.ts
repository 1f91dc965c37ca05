import { BASIC_SCREENING_ITEMS, basicScreening } from './basic-screening';
import { evaluationScore } from './evaluation-score';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';

describe('basicScreening (R-EVAL-01)', () => {
  const all = Object.fromEntries(BASIC_SCREENING_ITEMS.map((i) => [i, true]));
  it('14 items, all pass → proceeds', () => {
    expect(BASIC_SCREENING_ITEMS).toHaveLength(14);
    expect(basicScreening(all).passed).toBe(true);
  });
  it('one failed item → rejected', () => {
    const r = basicScreening({ ...all, NO_OTHER_JAPANESE_SUBSIDY: false });
    expect(r.passed).toBe(false);
    expect(r.failedItems).toEqual(['NO_OTHER_JAPANESE_SUBSIDY']);
  });
});

describe('evaluationScore (R-EVAL-02): 100 + 10', () => {
  it('A=20 (10+10), B=30, C=25, D=25, E=10', () => {
    const r = evaluationScore({ A1: 10, A2: 10, B1: 10, B2: 10, B3: 10, C: 25, D: 25, E: 10 }, P);
    expect(r).toMatchObject({ baseScore: 100, bonus: 10, total: 110, maxBase: 100 });
    expect(r.findings).toEqual([]);
  });
  it('over-maximum points are errors; missing C/D curves are reported', () => {
    const r = evaluationScore({ A1: 11 }, P);
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'info', 'info']);
  });
});
