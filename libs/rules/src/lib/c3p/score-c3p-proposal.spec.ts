import { wlbPoints } from './bonus-rules';
import { C3P_FY2026_CALL1 as P } from './c3p-preset';
import { scoreC3pProposal, type C3pScoreInput } from './score-c3p-proposal';

const full: C3pScoreInput = {
  kind: 'NEW',
  section1: {
    originality: 40,
    implementationStructure: 30,
    policyCooperation: 20,
    jcmFeasibility: 30,
    nonJcmFeasibility: 20,
    synergy: 10,
  },
  section2: { schedule: 5, managementEngineer: 5, organisationalSupport: 5 },
  municipality: { kind: 'MUNICIPALITY', fiscalStrengthIndex: '0.45' },
  ems: { currentlyCertified: true, previouslyCertified: false, currentInHouseEms: false },
  wlb: { certifications: ['PLATINUM_ERUBOSHI'] },
  ghgTargetPoints: 15,
};
const errors = (r: { findings: { severity: string; ruleId: string }[] }) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('scoreC3pProposal — city-partnerships.md §7.3', () => {
  it('S1: new project, full marks = 200 (section 1 = 150)', () => {
    const r = scoreC3pProposal(full, P);
    expect(r).toMatchObject({
      section1: 150,
      section2: 15,
      fiscalStrengthBonus: 10,
      ems: 5,
      wlb: 5,
      ghgTarget: 15,
      total: 200,
      maxTotal: 200,
    });
    expect(errors(r)).toEqual([]);
  });
  it('S2: continuing project, full marks = 200 (section 1 = 150)', () => {
    const r = scoreC3pProposal(
      { ...full, kind: 'CONTINUING', section1: { ...full.section1, originality: 20, pastResults: 20 } },
      P,
    );
    expect(r).toMatchObject({ section1: 150, total: 200 });
    expect(errors(r)).toEqual([]);
  });
  it('S4: a new project given past-results points is rejected', () => {
    expect(errors(scoreC3pProposal({ ...full, section1: { ...full.section1, pastResults: 5 } }, P))).toEqual([
      'C3P-S4',
    ]);
  });
  it('continuing originality above 20 is clipped with an error', () => {
    const r = scoreC3pProposal(
      { ...full, kind: 'CONTINUING', section1: { ...full.section1, pastResults: 20 } },
      P,
    );
    expect(r.section1).toBe(150);
    expect(errors(r)).toEqual(['C3P-S0']);
  });
  it.each([
    ['PREFECTURE', '0.39', 10],
    ['PREFECTURE', '0.40', 0],
    ['MUNICIPALITY', '0.50', 10],
    ['MUNICIPALITY', '0.51', 0],
  ] as const)('S5: %s index %s → +%i', (kind, index, bonus) => {
    expect(
      scoreC3pProposal({ ...full, municipality: { kind, fiscalStrengthIndex: index } }, P)
        .fiscalStrengthBonus,
    ).toBe(bonus);
  });
  it('S6: Eruboshi 2 (3) + Kurumin new (3) + Youth Yell (4) → 4, highest only', () => {
    expect(wlbPoints({ certifications: ['ERUBOSHI_2', 'KURUMIN_NEW', 'YOUTH_YELL'] }, P)).toBe(4);
  });
  it('S7: Platinum Eruboshi → 5', () =>
    expect(wlbPoints({ certifications: ['PLATINUM_ERUBOSHI'] }, P)).toBe(5));
  it('S8: action plan with 301 employees → 0; 300 and unexpired → 1', () => {
    expect(
      wlbPoints({ certifications: ['ACTION_PLAN'], regularEmployees: 301, actionPlanUnexpired: true }, P),
    ).toBe(0);
    expect(
      wlbPoints({ certifications: ['ACTION_PLAN'], regularEmployees: 300, actionPlanUnexpired: true }, P),
    ).toBe(1);
    expect(
      wlbPoints({ certifications: ['ACTION_PLAN'], regularEmployees: 300, actionPlanUnexpired: false }, P),
    ).toBe(0);
  });
  it('S9: ISO14001 expired without in-house EMS → 0; with current in-house EMS → 5', () => {
    const ems = (currentInHouseEms: boolean) =>
      scoreC3pProposal(
        { ...full, ems: { currentlyCertified: false, previouslyCertified: true, currentInHouseEms } },
        P,
      ).ems;
    expect(ems(false)).toBe(0);
    expect(ems(true)).toBe(5);
  });
});
