import { C3pBudgetInput } from '@jcm/rules';

import { CalculatorDefinition, CalculatorField } from '../calculator-definition';

/** 業務費 items (ガイドブック 表5); the request keys are the Japanese item names themselves. */
const OPERATING_ITEMS: readonly [string, string][] = [
  ['諸謝金', 'Honoraria'],
  ['国内旅費', 'Domestic travel'],
  ['外国旅費', 'Overseas travel'],
  ['委員等旅費', 'Committee travel'],
  ['会議費', 'Meetings'],
  ['備品費', 'Equipment'],
  ['消耗品費', 'Consumables'],
  ['借料及び損料', 'Rentals'],
  ['賃金', 'Wages'],
  ['通信運搬費', 'Communication and shipping'],
  ['光熱水費', 'Utilities'],
  ['印刷製本費', 'Printing'],
  ['雑役務費', 'Miscellaneous services'],
];

const operatingFields: CalculatorField[] = OPERATING_ITEMS.map(([ja, en]) => ({
  kind: 'yen',
  label: { en: `${en} (yen)`, ja: `${ja}（円）` },
  path: `operatingCosts.${ja}`,
}));

/** 都市間連携事業 年度予算の確認 (checkC3pBudget): categories, consumption tax, annual cap, outsourcing limit. */
export const C3P_BUDGET: CalculatorDefinition = {
  name: 'c3p-budget',
  title: { ja: '都市間連携事業 年度予算の確認', en: 'City-to-City project annual budget' },
  lead: {
    ja: '費目ごとの金額（税抜）から消費税・合計を計算し、上限額と外注費の上限（直接経費等の1/2）を確認します。',
    en: 'Computes tax and total from the cost categories (excl. tax) and checks the annual cap and the outsourcing limit.',
  },
  sections: [
    {
      title: { ja: '人件費・外注費など', en: 'Personnel, outsourcing, etc.' },
      fields: [
        {
          path: 'personnelYen',
          kind: 'yen',
          required: true,
          label: { ja: '人件費（円）', en: 'Personnel (yen)' },
        },
        { path: 'outsourcingYen', kind: 'yen', label: { ja: '外注費（円）', en: 'Outsourcing (yen)' } },
        {
          path: 'jointImplementationYen',
          kind: 'yen',
          label: { ja: '共同実施費（円）', en: 'Joint implementation (yen)' },
        },
        {
          path: 'generalAdminYen',
          kind: 'yen',
          label: { ja: '一般管理費（円）', en: 'General administration (yen)' },
        },
      ],
    },
    { title: { ja: '業務費', en: 'Operating costs' }, fields: operatingFields },
    {
      title: { ja: '申請書の記載（任意）', en: 'As written in the application (optional)' },
      fields: [
        {
          path: 'declaredConsumptionTaxYen',
          kind: 'yen',
          label: { ja: '記載の消費税（円）', en: 'Declared consumption tax (yen)' },
        },
        {
          path: 'requestedTotalYen',
          kind: 'yen',
          label: { ja: '申請金額（税込、円）', en: 'Requested amount incl. tax (yen)' },
        },
        {
          path: 'contractAmountYen',
          kind: 'yen',
          label: { ja: '契約金額（税込、円）', en: 'Contract amount incl. tax (yen)' },
        },
      ],
    },
  ],
  figures: [
    {
      path: 'directCostYen',
      kind: 'yen',
      label: { ja: '直接経費（人件費＋業務費）', en: 'Direct cost (personnel + operating)' },
    },
    { path: 'operatingCostYen', kind: 'yen', label: { ja: '業務費の合計', en: 'Operating costs' } },
    { path: 'indirectCostYen', kind: 'yen', label: { ja: '間接経費（一般管理費）', en: 'Indirect cost' } },
    { path: 'outsourcingLimitYen', kind: 'yen', label: { ja: '外注費の上限', en: 'Outsourcing limit' } },
    { path: 'subtotalExclTaxYen', kind: 'yen', label: { ja: '小計（税抜）', en: 'Subtotal excl. tax' } },
    { path: 'consumptionTaxYen', kind: 'yen', label: { ja: '消費税', en: 'Consumption tax' } },
    { path: 'totalInclTaxYen', kind: 'yen', label: { ja: '合計（税込）', en: 'Total incl. tax' } },
    { path: 'capInclTaxYen', kind: 'yen', label: { ja: '上限額（税込）', en: 'Annual cap incl. tax' } },
    { path: 'withinCap', kind: 'bool', label: { ja: '上限額以内', en: 'Within the cap' } },
  ],
  example: {
    generalAdminYen: '1000000',
    'operatingCosts.外国旅費': '4000000',
    'operatingCosts.会議費': '500000',
    outsourcingYen: '5000000',
    personnelYen: '10000000',
  },
  schema: C3pBudgetInput,
};
