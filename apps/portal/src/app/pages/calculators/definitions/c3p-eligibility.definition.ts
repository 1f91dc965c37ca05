import { C3pEligibilityInput } from '@jcm/rules';

import { CalculatorDefinition } from '../calculator-definition';

/** 応募資格条件 ①〜⑨ (checkC3pEligibility). Letters of interest are asked as three yes/no questions. */
export const C3P_ELIGIBILITY: CalculatorDefinition = {
  name: 'c3p-eligibility',
  title: { ja: '都市間連携事業 応募資格の確認', en: 'City-to-City project eligibility' },
  lead: {
    ja: '応募者の要件（①〜⑨）とパートナー国の優先度を確認します。',
    en: "Checks the applicant's eligibility conditions (① to ⑨) and the partner country's priority.",
  },
  sections: [
    {
      title: { ja: '応募者', en: 'Applicant' },
      fields: [
        {
          path: 'applicant.orgType',
          kind: 'select',
          required: true,
          default: 'PRIVATE_COMPANY',
          label: { ja: '応募者の種別', en: 'Applicant type' },
          options: [
            { value: 'PRIVATE_COMPANY', label: { ja: '民間企業', en: 'Private company' } },
            { value: 'RESEARCH_INSTITUTE', label: { ja: '研究機関', en: 'Research institute' } },
            { value: 'UNIVERSITY', label: { ja: '大学', en: 'University' } },
            { value: 'MUNICIPALITY', label: { ja: '日本の自治体', en: 'Japanese municipality' } },
            { value: 'PARTNER_CITY', label: { ja: '海外の都市', en: 'Partner city' } },
            { value: 'OTHER', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        {
          path: 'applicant.hasLegalPersonality',
          kind: 'bool',
          default: true,
          label: { ja: '① 法人格を有する', en: '① Has legal personality' },
        },
        {
          path: 'applicant.fallsUnderBudgetOrderArticle70',
          kind: 'bool',
          label: {
            ja: '② 予算決算及び会計令第70条に該当する',
            en: '② Falls under Art. 70 of the Budget and Accounting Order',
          },
        },
        {
          path: 'applicant.fallsUnderBudgetOrderArticle71',
          kind: 'bool',
          label: { ja: '③ 同令第71条に該当する', en: '③ Falls under Art. 71 of the same Order' },
        },
        {
          path: 'applicant.underNominationSuspension',
          kind: 'bool',
          label: { ja: '④ 指名停止期間中である', en: '④ Under a nomination suspension' },
        },
        {
          path: 'applicant.antiOrganisedCrimePledge',
          kind: 'bool',
          default: true,
          label: { ja: '⑤ 暴力団排除に関する誓約をする', en: '⑤ Gives the anti-organised-crime pledge' },
        },
        {
          path: 'applicant.unifiedQualification.grade',
          kind: 'select',
          label: { ja: '⑥ 全省庁統一資格の等級', en: '⑥ Unified qualification grade' },
          hint: { ja: '資格がない場合は「—」のまま。', en: 'Leave "—" if there is none.' },
          options: ['A', 'B', 'C', 'D'].map((grade) => ({
            label: { en: grade, ja: `${grade}等級` },
            value: grade,
          })),
        },
        {
          path: 'applicant.unifiedQualification.category',
          kind: 'text',
          default: '役務の提供等',
          label: { ja: '資格の種類', en: 'Category' },
        },
        {
          path: 'applicant.unifiedQualification.subCategory',
          kind: 'text',
          default: '調査・研究',
          label: { ja: '営業品目', en: 'Sub-category' },
        },
      ],
    },
    {
      title: { ja: '連携と関心表明レター', en: 'Partnership and letters of interest' },
      fields: [
        {
          path: 'cityAgreement',
          kind: 'select',
          required: true,
          default: 'CONCLUDED',
          label: { ja: '⑦ 都市間連携協定', en: '⑦ City agreement' },
          options: [
            { value: 'CONCLUDED', label: { ja: '締結済み', en: 'Concluded' } },
            { value: 'PLANNED', label: { ja: '締結予定', en: 'Planned' } },
            { value: 'NONE', label: { ja: 'なし', en: 'None' } },
          ],
        },
        {
          path: 'consortiumWithJapaneseCity',
          kind: 'bool',
          default: true,
          label: { ja: '⑧ 本邦都市とコンソーシアムを組成', en: '⑧ Consortium with the Japanese city' },
        },
        {
          path: 'letters.jp',
          kind: 'bool',
          default: true,
          label: { ja: '⑨ 本邦都市の関心表明レターあり', en: '⑨ Letter from the Japanese city' },
        },
        {
          path: 'letters.partner',
          kind: 'bool',
          default: true,
          label: { ja: '⑨ パートナー都市の関心表明レターあり', en: '⑨ Letter from the partner city' },
        },
        {
          path: 'letters.partnerLanguage',
          kind: 'text',
          default: 'en',
          label: {
            ja: 'パートナー都市のレターの言語（例: en）',
            en: "Partner city letter's language (e.g. en)",
          },
        },
        {
          path: 'letters.partnerTranslated',
          kind: 'bool',
          default: true,
          label: { ja: '和訳を添付', en: 'Japanese translation attached' },
        },
        {
          path: 'partnerCountry',
          kind: 'text',
          required: true,
          default: 'TH',
          label: { ja: 'パートナー国（ISO 2文字、例: TH）', en: 'Partner country (ISO alpha-2, e.g. TH)' },
        },
      ],
    },
  ],
  figures: [
    { path: 'eligible', kind: 'bool', testId: 'calc-eligible', label: { ja: '応募資格', en: 'Eligible' } },
    {
      path: 'candidateCountry',
      kind: 'bool',
      label: { ja: 'JCM候補国（優先国）', en: 'JCM candidate (priority) country' },
    },
    { path: 'priorityCountry', kind: 'bool', label: { ja: 'JCMパートナー国', en: 'JCM partner country' } },
  ],
  schema: C3pEligibilityInput,
  toBody: (body) => {
    const applicant = { ...(body['applicant'] as Record<string, unknown>) };
    const qualification = applicant['unifiedQualification'] as Record<string, unknown> | undefined;
    applicant['unifiedQualification'] = qualification?.['grade'] ? qualification : null;
    const letters = (body['letters'] ?? {}) as Record<string, unknown>;
    const list: unknown[] = [];
    if (letters['jp'] === true)
      list.push({ hasJapaneseTranslation: true, issuerRole: 'JP_MUNICIPALITY', language: 'ja' });
    if (letters['partner'] === true) {
      list.push({
        hasJapaneseTranslation: letters['partnerTranslated'] === true,
        issuerRole: 'PARTNER_CITY',
        language: String(letters['partnerLanguage'] ?? 'en'),
      });
    }
    return {
      ...body,
      applicant,
      letters: list,
      partnerCountry: String(body['partnerCountry'] ?? '').toUpperCase(),
    };
  },
};
