import { C3pScoreInput } from '@jcm/rules';

import { CalculatorDefinition, CalculatorField } from '../calculator-definition';

const points = (path: string, ja: string, en: string, required = true): CalculatorField => ({
  kind: 'count',
  label: { en, ja },
  path,
  required,
});

/** 審査基準及び採点表 (scoreC3pProposal, 別添6): reviewer points clipped to each maximum, plus the bonuses. */
export const C3P_SCORE: CalculatorDefinition = {
  name: 'c3p-score',
  title: { ja: '都市間連携事業 採点の試算', en: 'City-to-City proposal score' },
  lead: {
    ja: '審査項目ごとの点数と加点要素（財政力指数、環境マネジメント、ワーク・ライフ・バランス）から合計点を試算します。各項目の満点を超える点数は満点として扱います。',
    en: 'Totals the reviewer points and the bonuses (fiscal strength, EMS, work-life balance). Points above a maximum count as the maximum.',
  },
  sections: [
    {
      title: { ja: '区分', en: 'Kind' },
      fields: [
        {
          path: 'kind',
          kind: 'select',
          required: true,
          default: 'NEW',
          label: { ja: '新規・継続', en: 'New or continuing' },
          options: [
            { value: 'NEW', label: { ja: '新規', en: 'New' } },
            { value: 'CONTINUING', label: { ja: '継続', en: 'Continuing' } },
          ],
        },
      ],
    },
    {
      title: { ja: '審査項目 1', en: 'Section 1' },
      fields: [
        points('section1.originality', '独自性', 'Originality'),
        points('section1.pastResults', 'これまでの成果（継続のみ）', 'Past results (continuing only)', false),
        points('section1.implementationStructure', '実施体制', 'Implementation structure'),
        points('section1.policyCooperation', '政策協力', 'Policy cooperation'),
        points('section1.jcmFeasibility', 'JCM案件化の実現可能性', 'JCM feasibility'),
        points('section1.nonJcmFeasibility', 'JCM以外の案件化の実現可能性', 'Non-JCM feasibility'),
        points('section1.synergy', '相乗効果', 'Synergy'),
      ],
    },
    {
      title: { ja: '審査項目 2', en: 'Section 2' },
      fields: [
        points('section2.schedule', 'スケジュール', 'Schedule'),
        points('section2.managementEngineer', '管理技術者', 'Management engineer'),
        points('section2.organisationalSupport', '組織的な支援', 'Organisational support'),
        points('ghgTargetPoints', 'GHG目標', 'GHG target'),
      ],
    },
    {
      title: { ja: '加点要素', en: 'Bonuses' },
      fields: [
        {
          path: 'municipality.kind',
          kind: 'select',
          required: true,
          default: 'MUNICIPALITY',
          label: { ja: '参加自治体の区分', en: 'Participating municipality' },
          options: [
            { value: 'PREFECTURE', label: { ja: '都道府県', en: 'Prefecture' } },
            { value: 'MUNICIPALITY', label: { ja: '市区町村', en: 'Municipality' } },
          ],
        },
        {
          path: 'municipality.fiscalStrengthIndex',
          kind: 'decimal',
          required: true,
          label: { ja: '財政力指数（例: 0.45）', en: 'Fiscal strength index (e.g. 0.45)' },
        },
        {
          path: 'ems.currentlyCertified',
          kind: 'bool',
          label: { ja: '環境マネジメントシステム認証を取得中', en: 'EMS currently certified' },
        },
        {
          path: 'ems.previouslyCertified',
          kind: 'bool',
          label: { ja: '過去に認証を取得', en: 'EMS previously certified' },
        },
        {
          path: 'ems.currentInHouseEms',
          kind: 'bool',
          label: { ja: '独自の環境マネジメントを実施中', en: 'In-house EMS in place' },
        },
        {
          path: 'wlb.certifications',
          kind: 'multi',
          label: { ja: 'ワーク・ライフ・バランス等の認定', en: 'Work-life balance certifications' },
          options: [
            { value: 'PLATINUM_ERUBOSHI', label: { ja: 'プラチナえるぼし', en: 'Platinum Eruboshi' } },
            { value: 'ERUBOSHI_3', label: { ja: 'えるぼし（3段階目）', en: 'Eruboshi level 3' } },
            { value: 'ERUBOSHI_2', label: { ja: 'えるぼし（2段階目）', en: 'Eruboshi level 2' } },
            { value: 'ERUBOSHI_1', label: { ja: 'えるぼし（1段階目）', en: 'Eruboshi level 1' } },
            { value: 'ACTION_PLAN', label: { ja: '行動計画の策定・届出', en: 'Action plan filed' } },
            { value: 'PLATINUM_KURUMIN', label: { ja: 'プラチナくるみん', en: 'Platinum Kurumin' } },
            { value: 'KURUMIN_NEW', label: { ja: 'くるみん（新基準）', en: 'Kurumin (new criteria)' } },
            { value: 'KURUMIN_OLD', label: { ja: 'くるみん（旧基準）', en: 'Kurumin (old criteria)' } },
            { value: 'YOUTH_YELL', label: { ja: 'ユースエール', en: 'Youth Yell' } },
          ],
        },
        points(
          'wlb.regularEmployees',
          '常時雇用する労働者数（行動計画の場合）',
          'Regular employees (for an action plan)',
          false,
        ),
        {
          path: 'wlb.actionPlanUnexpired',
          kind: 'bool',
          label: { ja: '行動計画の期間中', en: 'Action plan still running' },
        },
      ],
    },
  ],
  figures: [
    { path: 'section1', kind: 'points', label: { ja: '審査項目 1', en: 'Section 1' } },
    { path: 'section2', kind: 'points', label: { ja: '審査項目 2', en: 'Section 2' } },
    {
      path: 'fiscalStrengthBonus',
      kind: 'points',
      label: { ja: '財政力指数による加点', en: 'Fiscal strength bonus' },
    },
    { path: 'ems', kind: 'points', label: { ja: '環境マネジメント', en: 'EMS' } },
    { path: 'wlb', kind: 'points', label: { ja: 'ワーク・ライフ・バランス', en: 'Work-life balance' } },
    { path: 'ghgTarget', kind: 'points', label: { ja: 'GHG目標', en: 'GHG target' } },
    { path: 'total', kind: 'points', testId: 'calc-total-score', label: { ja: '合計点', en: 'Total' } },
    { path: 'maxTotal', kind: 'points', label: { ja: '満点', en: 'Maximum' } },
  ],
  schema: C3pScoreInput,
};
