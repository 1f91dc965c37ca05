import * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import type { C3pCallPreset } from './c3p-preset';

/** Request body for checkC3pEligibility (応募資格条件 ①〜⑨). */
export const C3pEligibilityInput = z.object({
  applicant: z.object({
    orgType: z.enum([
      'PRIVATE_COMPANY',
      'RESEARCH_INSTITUTE',
      'UNIVERSITY',
      'MUNICIPALITY',
      'PARTNER_CITY',
      'OTHER',
    ]),
    hasLegalPersonality: z.boolean(),
    fallsUnderBudgetOrderArticle70: z.boolean(),
    fallsUnderBudgetOrderArticle71: z.boolean(),
    underNominationSuspension: z.boolean(),
    antiOrganisedCrimePledge: z.boolean(),
    unifiedQualification: z
      .object({
        grade: z
          .string()
          .max(20)
          .regex(/^[^\p{Cc}]{0,20}$/u),
        category: z
          .string()
          .max(100)
          .regex(/^[^\p{Cc}]{0,100}$/u),
        subCategory: z
          .string()
          .max(100)
          .regex(/^[^\p{Cc}]{0,100}$/u),
      })
      .nullable(),
  }),
  cityAgreement: z.enum(['CONCLUDED', 'PLANNED', 'NONE']),
  consortiumWithJapaneseCity: z.boolean(),
  letters: z
    .array(
      z.object({
        issuerRole: z.enum(['JP_MUNICIPALITY', 'PARTNER_CITY', 'STAKEHOLDER']),
        language: z
          .string()
          .min(2)
          .max(35)
          .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/),
        hasJapaneseTranslation: z.boolean(),
      }),
    )
    .default([]),
  partnerCountry: z
    .string()
    .length(2)
    .regex(/^[A-Z]{2}$/),
});
export type C3pEligibilityInput = z.input<typeof C3pEligibilityInput>;

export interface C3pEligibilityResult {
  readonly eligible: boolean;
  readonly priorityCountry: boolean;
  readonly candidateCountry: boolean;
  readonly findings: Finding[];
}

const SRC = 'city-partnerships.md §2.3, §7.4 / ガイドブック §3.2 応募資格条件';

// city-partnerships.md §2.3 ①–⑨, §7.4 E1–E6 / ガイドブック §3.2: 応募資格条件（令和8年度の公募の例）.
/** Applicant eligibility (応募資格条件 ①〜⑨) plus the country priority flag. */
export function checkC3pEligibility(input: C3pEligibilityInput, preset: C3pCallPreset): C3pEligibilityResult {
  const v = C3pEligibilityInput.parse(input);
  const a = v.applicant;
  const findings: Finding[] = [];
  const fail = (id: string, ja: string, en: string) => findings.push(finding(id, 'error', ja, en, SRC));
  if (a.orgType === 'MUNICIPALITY' || a.orgType === 'PARTNER_CITY') {
    fail(
      'C3P-E1',
      '日本の自治体や海外パートナー都市は応募者になれません。',
      'Municipalities and partner cities cannot apply themselves.',
    );
  }
  if (!a.hasLegalPersonality)
    fail('C3P-EL1', '① 法人格を有していません。', '① The applicant has no legal personality.');
  if (a.fallsUnderBudgetOrderArticle70)
    fail(
      'C3P-EL2',
      '② 予算決算及び会計令第70条に該当します。',
      '② Falls under Art. 70 of the Budget, Settlement and Accounting Order.',
    );
  if (a.fallsUnderBudgetOrderArticle71)
    fail('C3P-EL3', '③ 予算決算及び会計令第71条に該当します。', '③ Falls under Art. 71 of the same Order.');
  if (a.underNominationSuspension)
    fail('C3P-EL4', '④ 指名停止措置期間中です。', '④ Under a nomination suspension.');
  if (!a.antiOrganisedCrimePledge)
    fail('C3P-EL5', '⑤ 暴力団排除に関する誓約がありません。', '⑤ No anti-organised-crime pledge.');
  const q = a.unifiedQualification;
  const uq = preset.unifiedQualification;
  if (!q || !uq.grades.includes(q.grade) || q.category !== uq.category || q.subCategory !== uq.subCategory) {
    fail(
      'C3P-E2',
      `⑥ ${uq.validity}全省庁統一資格「${uq.category}」「${uq.subCategory}」A〜D級の格付がありません。`,
      `⑥ No ${uq.category} / ${uq.subCategory} unified qualification graded A–D.`,
    );
  }
  const partnerLetters = v.letters.filter((l) => l.issuerRole === 'PARTNER_CITY');
  if (v.cityAgreement === 'NONE') {
    fail(
      'C3P-E4',
      '⑦ 都市間連携協定が締結済みでなく、締結も予定されていません。',
      '⑦ No city agreement is concluded or planned.',
    );
  }
  if (!v.consortiumWithJapaneseCity)
    fail(
      'C3P-EL8',
      '⑧ 本邦都市とコンソーシアムを組成していません。',
      '⑧ No consortium with the Japanese city.',
    );
  if (!v.letters.some((l) => l.issuerRole === 'JP_MUNICIPALITY'))
    fail(
      'C3P-EL9',
      '⑨ 本邦都市の関心表明レターがありません。',
      '⑨ No letter of interest from the Japanese city.',
    );
  if (partnerLetters.length === 0) {
    fail(
      'C3P-E4',
      '⑨ パートナー都市の関心表明レターがありません。',
      '⑨ No letter of interest from the partner city.',
    );
  } else if (partnerLetters.some((l) => l.language !== 'ja' && !l.hasJapaneseTranslation)) {
    fail(
      'C3P-E3',
      '⑨ パートナー都市の関心表明レターに和訳が添付されていません。',
      "⑨ The partner city's letter has no Japanese translation.",
    );
  }
  const priorityCountry = preset.jcmPartnerCountries.includes(v.partnerCountry);
  const candidateCountry = preset.candidateCountries.includes(v.partnerCountry);
  if (candidateCountry) {
    findings.push(
      finding(
        'C3P-E5',
        'info',
        'パートナー国はJCM候補国（優先国）です。',
        'The partner country is a JCM candidate (priority) country.',
        'city-partnerships.md §7.4 E5 / ガイドブック 表3',
      ),
    );
  } else if (!priorityCountry) {
    findings.push(
      finding(
        'C3P-E6',
        'info',
        '優先国以外のため、JCMパートナー国となる可能性を踏まえて独自性が評価されます。',
        'Not a priority country: originality is judged on the chance of it becoming a JCM partner.',
        'city-partnerships.md §7.4 E6 / ガイドブック 表4',
      ),
    );
  }
  return {
    eligible: !findings.some((f) => f.severity === 'error'),
    priorityCountry: priorityCountry || candidateCountry,
    candidateCountry,
    findings,
  };
}
