import { EmissionReductionInput } from '@jcm/rules';

import { CalculatorDefinition } from '../calculator-definition';

/** 排出削減量の算定 (calculateEmissionReduction): one reference and one project source for a monitoring period. */
export const EMISSION_REDUCTION: CalculatorDefinition = {
  name: 'emission-reduction',
  title: { ja: '排出削減量の算定', en: 'Emission reduction' },
  lead: {
    ja: 'モニタリング期間のリファレンス排出量とプロジェクト排出量（活動量 × 排出係数）から削減量を算定します。小数点以下は切り捨てます。',
    en: 'Reference minus project emissions (activity × emission factor) for a monitoring period, rounded down to whole tonnes.',
  },
  sections: [
    {
      title: { ja: 'モニタリング期間', en: 'Monitoring period' },
      fields: [
        { path: 'periodStart', kind: 'date', required: true, label: { ja: '開始日', en: 'Start' } },
        { path: 'periodEnd', kind: 'date', required: true, label: { ja: '終了日', en: 'End' } },
      ],
    },
    {
      title: { ja: 'リファレンス排出', en: 'Reference emissions' },
      fields: [
        {
          path: 'reference.0.activity',
          kind: 'decimal',
          required: true,
          label: { ja: '活動量（例: MWh）', en: 'Activity (e.g. MWh)' },
        },
        {
          path: 'reference.0.emissionFactor',
          kind: 'decimal',
          required: true,
          label: { ja: '排出係数（tCO2/単位）', en: 'Emission factor (tCO2 per unit)' },
        },
      ],
    },
    {
      title: { ja: 'プロジェクト排出', en: 'Project emissions' },
      fields: [
        {
          path: 'project.0.activity',
          kind: 'decimal',
          required: true,
          label: { ja: '活動量', en: 'Activity' },
        },
        {
          path: 'project.0.emissionFactor',
          kind: 'decimal',
          required: true,
          label: { ja: '排出係数（tCO2/単位）', en: 'Emission factor (tCO2 per unit)' },
        },
      ],
    },
  ],
  figures: [
    {
      path: 'referenceEmissionsT',
      kind: 'tonnes',
      label: { ja: 'リファレンス排出量', en: 'Reference emissions' },
    },
    {
      path: 'projectEmissionsT',
      kind: 'tonnes',
      label: { ja: 'プロジェクト排出量', en: 'Project emissions' },
    },
    {
      path: 'emissionReductionExactT',
      kind: 'tonnes',
      label: { ja: '削減量（端数処理前）', en: 'Reduction (exact)' },
    },
    { path: 'emissionReductionT', kind: 'tonnes', label: { ja: '排出削減量', en: 'Emission reduction' } },
  ],
  example: {
    periodEnd: '2024-12-31',
    periodStart: '2024-01-01',
    'project.0.activity': '20000',
    'project.0.emissionFactor': '0',
    'reference.0.activity': '20000',
    'reference.0.emissionFactor': '0.4999',
  },
  schema: EmissionReductionInput,
};
