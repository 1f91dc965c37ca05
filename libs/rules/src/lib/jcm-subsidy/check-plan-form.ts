import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { coInnovationOutlineLength, requiredSubsidyAtCommercialisation } from './co-innovation-form';
import { costEffectivenessWithinThreshold } from './cost-effectiveness';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';
import {
  businessFormConsistency,
  businessFormsValid,
  emissionFactorRowsValid,
  ghgAtLeastCo2,
  methodologyNumberValid,
  selfProcurementValid,
  tenderRule,
} from './plan-form-checks';
import {
  concurrentOfficerDisclosure,
  consortiumProcurementDocs,
  humanRightsDueDiligence,
  riskBlocksPresent,
  sdgGoalsValid,
  treatyCompliantEquipment,
} from './plan-form-character';
import {
  docRefsCited,
  mandatoryAttachmentsPresent,
  methodologySpreadsheetAttached,
} from './plan-form-documents';
import {
  coApplicantFinancialsChecked,
  debtRatioColumnValid,
  financialRatiosConsistent,
  fxConversionConsistent,
  relatedPartiesProvided,
  statementChecklist,
} from './plan-form-financial-checks';
import { financialRowsValid, lossTrigger, toJpyMillion } from './plan-form-financials';
import { fundingMilestonesValid, fundingSharesSum } from './plan-form-funding';
import {
  fundingSourcesValid,
  loanTermsValid,
  otherFundingDisclosed,
  paybackIrrEntriesValid,
  spcInvestorsValid,
  subsidyImprovesReturns,
} from './plan-form-funding-checks';
import {
  coApplicantDecisionReview,
  coInnovationPlanBlocksValid,
  consortiumAgreementDraftValid,
  devAndDemoSitesValid,
  equipmentOwnerValid,
  landRightsTransferValid,
  monitoringPointsValid,
} from './plan-form-project-plan';
import {
  detailedScheduleAttached,
  scheduleConsistent,
  scheduleMilestonesComplete,
} from './plan-form-schedule';
import {
  backgroundNamesAllMembers,
  coApplicantsValid,
  contactsValid,
  pageLimit,
  planSectionsPresent,
} from './plan-form-structure';
import {
  eligibilityCriteriaListed,
  lifecycleCostCompared,
  referenceComparisonValid,
  similarTechnologyClassified,
  solarConditionsStated,
  strategiesMentioned,
} from './plan-form-technology';
import { parseProjectTitle } from './plan-form-title';
import { PlanFormInput, type PlanFormInputParsed } from './plan-form.schema';
import { projectTotalReduction } from './total-reduction';

const blank = (s: string | undefined) => (s ?? '').trim() === '';

// plan-forms.md §7.9 V-EFF-6 / コ・イノベーション実施計画書 4(2)＊: 想定した補助対象経費と補助率を明記; 事業規模や補助対象経費の根拠も示す.
/** Form B: the assumed project scale and the eligible-cost basis are stated. */
export function commercialisationAssumptionsStated(c: {
  eligibleCostYen: number;
  projectScale: string;
  costBasis: string;
}): Finding[] {
  const src = 'plan-forms.md V-EFF-6 / コ・イノベーション実施計画書 4(2)';
  const out: Finding[] = [];
  if (c.eligibleCostYen <= 0)
    out.push(
      finding(
        'V-EFF-6',
        'error',
        '想定した補助対象経費を記入してください。',
        'State the assumed eligible cost.',
        src,
      ),
    );
  if (blank(c.projectScale))
    out.push(
      finding(
        'V-EFF-6',
        'error',
        '想定する事業規模を記入してください。',
        'State the assumed project scale.',
        src,
      ),
    );
  if (blank(c.costBasis))
    out.push(
      finding(
        'V-EFF-6',
        'error',
        '補助対象経費の根拠を示してください。',
        'Give the basis of the eligible cost.',
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.9 V-EFF-1..5 / 実施計画書 8(1)(2), コ・イノベーション 4(1)(2): totals per technology (floored), CE = ceil(subsidy ÷ total).
/** Effects: useful life valid, totals per technology, project totals and cost-effectiveness (total 0 ⇒ error). */
export function effectsChecked(
  v: PlanFormInputParsed,
  preset: JcmSubsidyPreset,
): { co2TotalT: string | null; ghgTotalT: string | null; findings: Finding[] } {
  const e = v.effects;
  if (!e) return { co2TotalT: null, ghgTotalT: null, findings: [] };
  const src =
    v.kind === 'A'
      ? 'plan-forms.md V-EFF-3 / 実施計画書 8 法定耐用年数'
      : 'plan-forms.md V-EFF-3 / コ・イノベーション実施計画書 4 法定耐用年数';
  const findings: Finding[] = [];
  if (e.technologies.length === 0)
    findings.push(
      finding(
        'V-EFF-1',
        'error',
        'CO2年間排出削減量を記入してください。',
        'Enter the annual CO2 reduction.',
        'plan-forms.md V-EFF-1',
      ),
    );
  const badLife = e.technologies.filter((t) => t.usefulLifeYears < 1);
  badLife.forEach((t) =>
    findings.push(
      finding(
        'V-EFF-3',
        'error',
        `「${t.name}」の法定耐用年数は1年以上の整数です。`,
        `"${t.name}": useful life must be an integer ≥ 1.`,
        src,
      ),
    ),
  );
  if (badLife.length > 0 || e.technologies.length === 0)
    return { co2TotalT: null, ghgTotalT: null, findings };
  const co2 = projectTotalReduction(
    e.technologies.map((t) => ({ annualT: new Decimal(t.co2AnnualT), years: t.usefulLifeYears })),
  );
  const ghgTechs = e.technologies.filter((t) => t.ghgAnnualT !== undefined);
  const ghg =
    v.kind === 'A' && ghgTechs.length === e.technologies.length
      ? projectTotalReduction(
          ghgTechs.map((t) => ({ annualT: new Decimal(t.ghgAnnualT as string), years: t.usefulLifeYears })),
        )
      : null;
  if (v.kind === 'A') {
    if (!ghg)
      findings.push(
        finding(
          'V-EFF-1',
          'error',
          '技術ごとのGHG年間排出削減量を記入してください。',
          'Enter the annual GHG reduction per technology.',
          'plan-forms.md V-EFF-1 / 実施計画書 8(1)②',
        ),
      );
    for (const t of e.technologies)
      if (t.ghgAnnualT !== undefined) findings.push(...ghgAtLeastCo2(t.ghgAnnualT, t.co2AnnualT));
  }
  const subsidyYen =
    v.kind === 'A'
      ? e.subsidyYen
      : e.commercialisation
        ? requiredSubsidyAtCommercialisation(e.commercialisation.eligibleCostYen, e.commercialisation.ratePct)
            .requiredSubsidyYen
        : undefined;
  if (subsidyYen !== undefined) {
    if (co2.totalT.isZero())
      findings.push(
        finding(
          'V-EFF-5',
          'error',
          'CO2排出削減総量が0のため費用対効果を算出できません。',
          'CO2 total is 0: cost-effectiveness is undefined.',
          'plan-forms.md V-EFF-5',
        ),
      );
    if (ghg) {
      if (ghg.totalT.isZero())
        findings.push(
          finding(
            'V-EFF-5',
            'error',
            'GHG排出削減総量が0のため費用対効果を算出できません。',
            'GHG total is 0: cost-effectiveness is undefined.',
            'plan-forms.md V-EFF-5',
          ),
        );
      else
        findings.push(
          ...costEffectivenessWithinThreshold(
            subsidyYen,
            ghg.totalT,
            e.priorSimilarProjects ?? 0,
            preset,
            'GHG',
          ).findings,
        );
    }
  }
  return { co2TotalT: co2.totalT.toFixed(), ghgTotalT: ghg ? ghg.totalT.toFixed() : null, findings };
}

// plan-forms.md §7 (all V-rules) / 実施計画書 (A) and コ・イノベーション実施計画書 (B).
/** Run every plan-form check (structure, business forms, financials, plan, funding, character, technology, procurement, effects, schedule, documents). */
export function checkPlanForm(input: PlanFormInput, preset: JcmSubsidyPreset): { findings: Finding[] } {
  const v = PlanFormInput.parse(input);
  const A = v.kind === 'A';
  const attachments = v.attachments ?? [];
  const f: Finding[] = [];

  // 7.1 structure
  f.push(...planSectionsPresent(v.kind, v.sections));
  f.push(...coApplicantsValid(v.coApplicants));
  for (const t of [v.titleJa, v.titleEn]) {
    const r = parseProjectTitle(t);
    if ('findings' in r) f.push(...r.findings);
  }
  f.push(
    ...backgroundNamesAllMembers(v.background ?? '', [
      { nameJa: v.lead.nameJa, nameEn: v.lead.nameEn },
      ...v.coApplicants.map((c) => ({ nameJa: c.name, nameEn: c.nameEn })),
    ]),
  );
  if (!A) f.push(...coInnovationOutlineLength(v.outline ?? '').findings);
  f.push(...pageLimit(v.kind, v.renderedPages));
  f.push(...contactsValid(v.kind, v.lead, v.coApplicants));

  // 7.2 business form (A)
  if (A) {
    const bf = v.businessForms ?? { forms: [] };
    f.push(...businessFormsValid(bf));
    f.push(
      ...businessFormConsistency(bf.forms, {
        consortiumMemberSupply: (v.procurement?.rows ?? []).some((r) => r.fromConsortiumMember),
        profitExclusionDeclaration: v.procurement?.profitExclusionDeclaration ?? false,
        consortiumIncludesLeaseCompany: bf.consortiumIncludesLeaseCompany,
      }),
    );
  }

  // 7.3 financials
  const lead = v.lead;
  if (lead.fiscalPeriodsCompleted !== undefined)
    f.push(...financialRowsValid(lead.financials ?? [], lead.fiscalPeriodsCompleted));
  f.push(
    ...lossTrigger(lead.financials ?? [], {
      managementImprovementPlan: lead.managementImprovementPlan ?? false,
      pastNegativeReason: lead.pastNegativeReason,
    }).findings,
  );
  f.push(...debtRatioColumnValid(v.kind, lead.financials ?? []));
  f.push(...financialRatiosConsistent(lead.financials ?? []));
  f.push(...statementChecklist('代表事業者', lead.statementChecklist));
  if (A) {
    for (const c of v.coApplicants) {
      const rows = c.financials ?? [];
      f.push(
        ...debtRatioColumnValid('A', rows),
        ...financialRatiosConsistent(rows),
        ...statementChecklist(`共同事業者「${c.name}」`, c.statementChecklist),
      );
      if (c.fx) {
        const fx = c.fx;
        for (const r of rows)
          if (r.netAssetsLocal !== undefined) f.push(...toJpyMillion(r.netAssetsLocal, fx).findings);
        f.push(...fxConversionConsistent(rows, fx.jpyPerUnit));
      }
    }
    f.push(...coApplicantFinancialsChecked(v.coApplicants));
    f.push(
      ...relatedPartiesProvided(v.funding?.reliesOnRelatedParty ?? false, v.funding?.relatedParties ?? []),
    );
  }

  // 7.4 project plan
  const plan = v.plan ?? {};
  f.push(...landRightsTransferValid(plan));
  if (A) {
    if (plan.tender) f.push(...tenderRule(plan.tender));
    f.push(...equipmentOwnerValid(plan));
    f.push(
      ...consortiumAgreementDraftValid(
        attachments.some((a) => a.docRef === '5-01'),
        plan,
      ),
    );
    f.push(...monitoringPointsValid(plan.monitoringPoints ?? []));
    f.push(...coApplicantDecisionReview(plan.coApplicantDecisionIsPlanAgreement));
  } else {
    f.push(...coInnovationPlanBlocksValid(plan));
    f.push(...devAndDemoSitesValid(plan));
  }

  // 7.5 funding
  if (v.funding) {
    const fu = v.funding;
    f.push(...fundingSourcesValid(fu.sources), ...loanTermsValid(v.kind, fu.sources));
    f.push(...fundingSharesSum(fu.sources.map((s) => s.sharePct)).findings);
    // Evidence for done milestones is an A rule (B prints the column blank): in B only the date format is checked.
    f.push(
      ...fundingMilestonesValid(
        fu.sources.flatMap((s) => (s.milestones ?? []).map((m) => (A ? m : { ...m, done: false }))),
      ),
    );
    f.push(...spcInvestorsValid(fu.spc));
    if (A) f.push(...paybackIrrEntriesValid(fu, attachments), ...subsidyImprovesReturns(fu));
    f.push(...otherFundingDisclosed(v.kind, fu));
  } else {
    f.push(...fundingSourcesValid([]));
  }

  // 7.6 character
  const ch = v.character ?? {};
  if (A)
    f.push(
      ...riskBlocksPresent(ch),
      ...treatyCompliantEquipment(ch),
      ...humanRightsDueDiligence(ch.humanRightsDD),
    );
  else f.push(...sdgGoalsValid(ch.sdgGoals));

  // 7.7 technology (A)
  const techs = v.technology?.technologies ?? [];
  if (A && v.technology) {
    const t = v.technology;
    f.push(
      ...referenceComparisonValid(t),
      ...solarConditionsStated(techs),
      ...similarTechnologyClassified(techs, v.effects?.technologies.length),
    );
    f.push(...strategiesMentioned(t.diffusionOutlook ?? ''), ...lifecycleCostCompared(t));
  }

  // 7.8 procurement
  if (v.procurement) {
    const p = v.procurement;
    if (A) f.push(...consortiumProcurementDocs(p));
    f.push(...concurrentOfficerDisclosure(v.kind, p));
    if (!A)
      f.push(
        ...selfProcurementValid(p.selfProcurement?.included ?? false, p.selfProcurement?.itemNames ?? []),
      );
  }

  // 7.9 effects
  f.push(...effectsChecked(v, preset).findings);
  const e = v.effects;
  if (A && e?.methodology)
    f.push(
      ...methodologyNumberValid(e.methodology.choice, e.methodology.number),
      ...methodologySpreadsheetAttached(e.methodology.choice, attachments),
    );
  if (A)
    f.push(
      ...eligibilityCriteriaListed(
        techs.some((t) => t.similarTech),
        e?.methodology,
      ),
    );
  if (!A && e?.commercialisation) {
    f.push(
      ...requiredSubsidyAtCommercialisation(e.commercialisation.eligibleCostYen, e.commercialisation.ratePct)
        .findings,
    );
    f.push(...commercialisationAssumptionsStated(e.commercialisation));
  }
  if (!A) f.push(...emissionFactorRowsValid(e?.emissionFactors ?? []));

  // 7.10 schedule, 7.11 docRefs (A)
  if (A) {
    const ms = v.schedule?.milestones ?? [];
    f.push(
      ...scheduleMilestonesComplete(ms),
      ...scheduleConsistent(ms).findings,
      ...detailedScheduleAttached(attachments),
    );
    f.push(...mandatoryAttachmentsPresent(attachments), ...docRefsCited(v.sections));
  }
  return { findings: f };
}
