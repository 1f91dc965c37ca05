import { JcmSubsidyInput } from '@jcm/rules';

import { CalculatorDefinition } from '../calculator-definition';

/** JCM設備補助金の試算 (calculateJcmSubsidy): caps, total reduction, cost-effectiveness, payback. One technology. */
export const JCM_SUBSIDY: CalculatorDefinition = {
  name: 'jcm-subsidy',
  title: { ja: 'JCM設備補助金の試算', en: 'JCM equipment subsidy' },
  lead: {
    ja: '補助対象経費と削減量から、補助金額の上限、排出削減総量、費用対効果（円/tCO2）を試算します。',
    en: 'From the eligible cost and the reductions: subsidy cap, total reduction and cost-effectiveness (yen/tCO2).',
  },
  sections: [
    {
      title: { ja: '技術（{n}件目）', en: 'Technology {n}' },
      repeat: {
        add: { ja: '技術を追加', en: 'Add a technology' },
        max: 10,
        remove: { ja: '最後の技術を削除', en: 'Remove the last technology' },
      },
      fields: [
        {
          path: 'technologies.{i}.technologyId',
          kind: 'text',
          required: true,
          default: 'T{n}',
          label: { ja: '技術の名称・記号', en: 'Technology name or code' },
        },
        {
          path: 'technologies.{i}.eligibleCostYen',
          kind: 'yen',
          required: true,
          testId: 'calc-eligible-cost',
          label: { ja: '補助対象経費（円）', en: 'Eligible cost (yen)' },
          hint: { ja: '円単位の整数（例: 597,530,000）', en: 'Whole yen (e.g. 597,530,000)' },
        },
        {
          path: 'technologies.{i}.priorSimilarProjects',
          kind: 'count',
          required: true,
          testId: 'calc-similar-projects',
          label: { ja: '同種の技術の過去の採択件数', en: 'Prior similar projects adopted' },
          hint: {
            ja: '補助率の上限が決まります（0件なら1/2）。',
            en: 'Sets the rate cap (½ when there are none).',
          },
        },
        {
          path: 'technologies.{i}.assignedRate',
          kind: 'decimal',
          label: { ja: '補助率（任意、例: 0.4）', en: 'Subsidy rate (optional, e.g. 0.4)' },
          hint: { ja: '空欄なら上限の補助率を用います。', en: 'Left empty, the cap rate is used.' },
        },
        {
          path: 'technologies.{i}.annualReductionT',
          kind: 'decimal',
          required: true,
          testId: 'calc-annual-reduction',
          label: { ja: '年間排出削減量（tCO2/年）', en: 'Annual emission reduction (tCO2/yr)' },
        },
        {
          path: 'technologies.{i}.usefulLifeYears',
          kind: 'count',
          required: true,
          testId: 'calc-useful-life',
          label: { ja: '法定耐用年数（年）', en: 'Statutory useful life (years)' },
        },
      ],
    },
    {
      title: { ja: '任意の項目', en: 'Optional' },
      fields: [
        {
          path: 'requestedSubsidyYen',
          kind: 'yen',
          testId: 'calc-requested-subsidy',
          label: { ja: '申請補助金額（円）', en: 'Requested subsidy (yen)' },
        },
        {
          path: 'costs.constructionYen',
          kind: 'yen',
          label: { ja: '工事費（円）', en: 'Construction (yen)' },
        },
        { path: 'costs.equipmentYen', kind: 'yen', label: { ja: '設備費（円）', en: 'Equipment (yen)' } },
        {
          path: 'costs.adminYen',
          kind: 'yen',
          label: { ja: '事務費（円）', en: 'Administrative cost (yen)' },
          hint: {
            ja: '工事費・設備費・事務費の3つを入力すると事務費の上限を確認します。',
            en: 'Give all three to check the admin cost cap.',
          },
        },
        {
          path: 'payback.initialCostYen',
          kind: 'yen',
          testId: 'calc-payback-initial',
          label: { ja: '初期投資額（円）', en: 'Initial investment (yen)' },
        },
        {
          path: 'payback.annualCashFlowYen',
          kind: 'yen',
          testId: 'calc-payback-cash-flow',
          label: { ja: '年間キャッシュフロー（円）', en: 'Annual cash flow (yen)' },
          hint: {
            ja: '2つとも入力すると投資回収年数を計算します。',
            en: 'Give both to compute the payback period.',
          },
        },
      ],
    },
  ],
  figures: [
    { path: 'maxSubsidyYen', kind: 'yen', label: { ja: '補助金額の上限', en: 'Subsidy cap' } },
    {
      path: 'subsidyYen',
      kind: 'yen',
      testId: 'calc-subsidy',
      label: { ja: '補助金額（見込み）', en: 'Expected subsidy' },
    },
    {
      path: 'totalReductionT',
      kind: 'tonnes',
      testId: 'calc-total-reduction',
      label: { ja: '排出削減総量', en: 'Total reduction' },
    },
    {
      path: 'costEffectivenessYenPerT',
      kind: 'yenPerT',
      testId: 'calc-cost-effectiveness',
      label: { ja: '費用対効果', en: 'Cost-effectiveness' },
    },
    { path: 'adminCostCapYen', kind: 'yen', label: { ja: '事務費の上限', en: 'Admin cost cap' } },
    {
      path: 'paybackYearsWithoutSubsidy',
      kind: 'years',
      label: { ja: '投資回収年数（補助なし）', en: 'Payback without subsidy' },
    },
    {
      path: 'paybackYearsWithSubsidy',
      kind: 'years',
      label: { ja: '投資回収年数（補助あり）', en: 'Payback with subsidy' },
    },
  ],
  tables: [
    {
      path: 'technologies',
      title: { ja: '技術ごとの内訳', en: 'By technology' },
      columns: [
        { path: 'technologyId', kind: 'text', label: { ja: '技術', en: 'Technology' } },
        { path: 'rateCap', kind: 'text', label: { ja: '補助率上限', en: 'Rate cap' } },
        { path: 'rateApplied', kind: 'text', label: { ja: '適用補助率', en: 'Rate applied' } },
        { path: 'subsidyYen', kind: 'yen', label: { ja: '補助金額', en: 'Subsidy' } },
        { path: 'totalReductionT', kind: 'tonnes', label: { ja: '削減総量', en: 'Total reduction' } },
        {
          path: 'costEffectivenessYenPerT',
          kind: 'yenPerT',
          label: { ja: '費用対効果', en: 'Cost-effectiveness' },
        },
        {
          path: 'costEffectivenessThresholdYenPerT',
          kind: 'yenPerT',
          label: { ja: '基準値', en: 'Threshold' },
        },
      ],
    },
  ],
  // 公募資料の記入例: 1技術, 補助対象経費 597,530,000円, 同種案件 0件, 12,340 tCO2/年, 耐用年数 8年.
  example: {
    'technologies.0.annualReductionT': '12340',
    'technologies.0.eligibleCostYen': '597530000',
    'technologies.0.priorSimilarProjects': '0',
    'technologies.0.technologyId': 'T1',
    'technologies.0.usefulLifeYears': '8',
  },
  schema: JcmSubsidyInput,
};
