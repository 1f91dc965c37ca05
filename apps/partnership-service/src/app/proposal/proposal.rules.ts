import { BudgetLine, CreateProposalRequest, EligibilityDeclarations, PartyRef } from '@jcm/contracts';
import {
  annualBudgetWithinCap,
  C3pCallPreset,
  checkC3pEligibility,
  Finding,
  pairSevenYearRule,
  phaseRules,
  ThemeNovelty,
} from '@jcm/rules';
import { toBudgetInput } from '../programme-shared/budget';
import { checkC3pBudget } from '@jcm/rules';

/**
 * Rules checked when a proposal is drafted (都市ペアの期間, フェーズ, 予算): 7-year rule over the pair's history,
 * phase limits, the annual cap on the requested amount and the budget lines (checkC3pBudget).
 */
export function draftFindings(
  req: CreateProposalRequest,
  pairHistory: readonly number[],
  preset: C3pCallPreset,
): { findings: Finding[]; pairYearCount: number } {
  const seven = pairSevenYearRule(pairHistory, req.fiscalYear, preset);
  const budget = checkC3pBudget(toBudgetInput(req.budgetLines, { requestedYen: req.requestedYen }), preset);
  const findings = [
    ...seven.findings,
    ...phaseRules({ phase: req.phase, yearInPhase: req.yearInPhase }, preset),
    ...annualBudgetWithinCap(req.requestedYen, preset),
    ...budget.findings,
  ];
  return { findings: dedupe(findings), pairYearCount: seven.countedYears };
}

/** Selection gate: phase rules with the reviewer's theme novelty (BOX 4: no novelty → not selectable). */
export function selectionFindings(
  p: { phase: number; year_in_phase: number; requested_yen: number; budget_lines: BudgetLine[] },
  novelty: ThemeNovelty | undefined,
  preset: C3pCallPreset,
): Finding[] {
  return [
    ...phaseRules({ phase: p.phase, yearInPhase: p.year_in_phase, themeNovelty: novelty }, preset),
    ...annualBudgetWithinCap(p.requested_yen, preset),
    ...checkC3pBudget(toBudgetInput(p.budget_lines, { requestedYen: p.requested_yen }), preset).findings,
  ];
}

export interface SubmittedLetter {
  issuerRole: 'JP_MUNICIPALITY' | 'PARTNER_CITY' | 'STAKEHOLDER';
  language: string;
  hasJapaneseTranslation: boolean;
}

/** 応募資格条件 ①〜⑨ at submission, with the letters attached to the proposal. */
export function eligibilityFindings(
  declared: EligibilityDeclarations,
  partnerCity: PartyRef,
  letters: SubmittedLetter[],
  preset: C3pCallPreset,
): Finding[] {
  return checkC3pEligibility(
    {
      // Only companies can create proposals (canApply); the rules still see the applicant's type.
      applicant: {
        orgType: 'PRIVATE_COMPANY',
        hasLegalPersonality: declared.hasLegalPersonality,
        fallsUnderBudgetOrderArticle70: declared.fallsUnderBudgetOrderArticle70,
        fallsUnderBudgetOrderArticle71: declared.fallsUnderBudgetOrderArticle71,
        underNominationSuspension: declared.underNominationSuspension,
        antiOrganisedCrimePledge: declared.antiOrganisedCrimePledge,
        unifiedQualification: declared.unifiedQualification,
      },
      cityAgreement: declared.cityAgreement,
      consortiumWithJapaneseCity: true,
      letters,
      partnerCountry: partnerCity.country.length === 2 ? partnerCity.country : 'XX',
    },
    preset,
  ).findings;
}

/** Both the requested amount and the lines can trip the same rule; show each message once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.message_en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
