import { C3P_FY2026_CALL1 as P } from './c3p-preset';
import { checkC3pEligibility, type C3pEligibilityInput } from './check-c3p-eligibility';

const ok: C3pEligibilityInput = {
  applicant: {
    orgType: 'PRIVATE_COMPANY',
    hasLegalPersonality: true,
    fallsUnderBudgetOrderArticle70: false,
    fallsUnderBudgetOrderArticle71: false,
    underNominationSuspension: false,
    antiOrganisedCrimePledge: true,
    unifiedQualification: { grade: 'D', category: '役務の提供等', subCategory: '調査・研究' },
  },
  cityAgreement: 'PLANNED',
  consortiumWithJapaneseCity: true,
  letters: [
    { issuerRole: 'JP_MUNICIPALITY', language: 'ja', hasJapaneseTranslation: false },
    { issuerRole: 'PARTNER_CITY', language: 'en', hasJapaneseTranslation: true },
  ],
  partnerCountry: 'VN',
};
const ids = (i: C3pEligibilityInput) =>
  checkC3pEligibility(i, P)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.ruleId);

describe('checkC3pEligibility — city-partnerships.md §7.4', () => {
  it('a complete application in Viet Nam is eligible and priority', () => {
    expect(checkC3pEligibility(ok, P)).toMatchObject({ eligible: true, priorityCountry: true, findings: [] });
  });
  it('E1: 横浜市 as applicant is rejected', () => {
    expect(ids({ ...ok, applicant: { ...ok.applicant, orgType: 'MUNICIPALITY' } })).toContain('C3P-E1');
  });
  it('E2: grade D 調査・研究 OK; no grade → rejected', () => {
    expect(ids({ ...ok, applicant: { ...ok.applicant, unifiedQualification: null } })).toEqual(['C3P-E2']);
  });
  it('E3: partner-city letter in English without 和訳 → rejected', () => {
    expect(
      ids({
        ...ok,
        letters: [
          ok.letters![0],
          { issuerRole: 'PARTNER_CITY', language: 'en', hasJapaneseTranslation: false },
        ],
      }),
    ).toEqual(['C3P-E3']);
  });
  it('E4: no agreement and no partner-city letter → rejected', () => {
    expect(ids({ ...ok, cityAgreement: 'NONE', letters: [ok.letters![0]] })).toEqual(['C3P-E4', 'C3P-E4']);
  });
  it('E5: Brazil is allowed and flagged as a candidate priority country', () => {
    const r = checkC3pEligibility({ ...ok, partnerCountry: 'BR' }, P);
    expect(r).toMatchObject({ eligible: true, priorityCountry: true, candidateCountry: true });
    expect(r.findings[0].ruleId).toBe('C3P-E5');
  });
  it('E6: Micronesia is allowed as non-priority', () => {
    const r = checkC3pEligibility({ ...ok, partnerCountry: 'FM' }, P);
    expect(r).toMatchObject({ eligible: true, priorityCountry: false });
    expect(r.findings[0].ruleId).toBe('C3P-E6');
  });
  it('①–⑤, ⑧, ⑨ each reject', () => {
    const a = {
      ...ok.applicant,
      hasLegalPersonality: false,
      fallsUnderBudgetOrderArticle70: true,
      fallsUnderBudgetOrderArticle71: true,
      underNominationSuspension: true,
      antiOrganisedCrimePledge: false,
    };
    expect(
      ids({ ...ok, applicant: a, consortiumWithJapaneseCity: false, letters: [ok.letters![1]] }),
    ).toEqual(['C3P-EL1', 'C3P-EL2', 'C3P-EL3', 'C3P-EL4', 'C3P-EL5', 'C3P-EL8', 'C3P-EL9']);
  });
});
