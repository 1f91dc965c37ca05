import { CallView, ProposalView } from '@jcm/contracts';

import { ORG } from './portal-testing';

/** Realistic records for page tests, parsed by the contracts so a fixture can never drift from the API. */
export const IDS = {
  call: '11111111-1111-4111-8111-111111111111',
  proposal: '33333333-3333-4333-8333-333333333333',
} as const;

const party = (orgId: string, nameJa: string, nameEn: string, country = 'JP') => ({
  country,
  nameEn,
  nameJa,
  orgId,
});

export function callView(state: CallView['state']): CallView {
  return CallView.parse({
    closesOn: '2026-05-31',
    createdAt: '2026-03-01T00:00:00.000Z',
    fiscalYear: 2026,
    id: IDS.call,
    monthlyReportDueDay: 10,
    opensOn: '2026-04-01',
    presetId: 'C3P_FY2026_CALL1',
    round: 1,
    state,
    titleEn: 'FY2026 call, round 1',
    titleJa: '令和8年度 第1回公募',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
}

export function proposalView(
  state: ProposalView['state'],
  score: ProposalView['score'] = null,
): ProposalView {
  return ProposalView.parse({
    budget: {
      capInclTaxYen: 20000000,
      consumptionTaxYen: 1815000,
      outsourcingLimitYen: 9075000,
      subtotalExclTaxYen: 18150000,
      totalInclTaxYen: 19965000,
    },
    budgetLines: [{ amountYen: 18150000, category: '人件費' }],
    callId: IDS.call,
    company: party(ORG.company, 'デモ・エンジニアリング株式会社', 'Demo Engineering Co., Ltd.'),
    createdAt: '2026-04-10T00:00:00.000Z',
    decisionReason: null,
    eligibility: {
      antiOrganisedCrimePledge: true,
      cityAgreement: 'CONCLUDED',
      fallsUnderBudgetOrderArticle70: false,
      fallsUnderBudgetOrderArticle71: false,
      hasLegalPersonality: true,
      underNominationSuspension: false,
      unifiedQualification: { category: '役務の提供等', grade: 'A', subCategory: '調査・研究' },
    },
    findings: [],
    fiscalYear: 2026,
    id: IDS.proposal,
    kind: 'NEW',
    municipality: party(ORG.municipality, '横浜市', 'City of Yokohama'),
    otherMembers: [],
    pairYearCount: 1,
    partnerCity: party(ORG.partner, 'バンコク都', 'Bangkok Metropolitan Administration', 'TH'),
    partnershipId: null,
    phase: 1,
    requestedYen: 19965000,
    score,
    state,
    submittedAt: '2026-04-20T00:00:00.000Z',
    summaryEn: 'Waste-to-energy feasibility study.',
    summaryJa: '廃棄物発電の実現可能性調査。',
    targetFields: ['waste'],
    titleEn: 'Bangkok waste-to-energy',
    titleJa: 'バンコク廃棄物発電',
    yearInPhase: 1,
  });
}
