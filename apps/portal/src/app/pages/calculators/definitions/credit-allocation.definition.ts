import { AllocateCreditsInput } from '@jcm/rules';

import { CalculatorDefinition } from '../calculator-definition';

/** 発行クレジットの配分 (allocateCredits, 様式5): partner country, Government of Japan, then the other holders. */
export const CREDIT_ALLOCATION: CalculatorDefinition = {
  name: 'credit-allocation',
  title: { ja: '発行クレジットの配分', en: 'Credit allocation' },
  lead: {
    ja: '発行量をパートナー国、日本政府、その他の保有者に整数で配分します。日本政府の取り分は切り上げます。',
    en: 'Splits issued credits into whole credits for the partner country, the Government of Japan (rounded up) and the other holders.',
  },
  sections: [
    {
      title: { ja: '発行量', en: 'Issued credits' },
      fields: [
        {
          path: 'issuedT',
          kind: 'whole',
          required: true,
          label: { ja: '発行量（tCO2、整数）', en: 'Issued (tCO2, whole)' },
        },
        {
          path: 'partnerCountryAllocationT',
          kind: 'whole',
          label: { ja: 'パートナー国への配分（tCO2、整数）', en: 'Partner-country allocation (tCO2, whole)' },
        },
        {
          path: 'firstSerial',
          kind: 'whole',
          label: { ja: '最初のシリアル番号（任意）', en: 'First serial unit (optional)' },
        },
      ],
    },
    {
      title: { ja: '日本政府の取り分', en: "Government of Japan's share" },
      fields: [
        {
          path: 'governmentRule.kind',
          kind: 'select',
          required: true,
          default: 'EQUIPMENT_SUBSIDY',
          label: { ja: '決め方', en: 'Rule' },
          options: [
            {
              value: 'EQUIPMENT_SUBSIDY',
              label: { ja: '設備補助事業（1/2以上）', en: 'Equipment subsidy (at least ½)' },
            },
            {
              value: 'F_GAS',
              label: {
                ja: '代替フロン（補助金額/補助対象経費と1/2の大きい方）',
                en: 'F-gas (max of subsidy/eligible cost and ½)',
              },
            },
            { value: 'FIXED', label: { ja: '固定の割合', en: 'Fixed share' } },
          ],
        },
        {
          path: 'governmentRule.share',
          kind: 'decimal',
          label: { ja: '割合（例: 0.5）', en: 'Share (e.g. 0.5)' },
          hint: {
            ja: '設備補助事業（任意）・固定の割合で使います。',
            en: 'For equipment subsidy (optional) and fixed share.',
          },
        },
        {
          path: 'governmentRule.subsidyYen',
          kind: 'yen',
          label: { ja: '補助金額（円、代替フロン）', en: 'Subsidy (yen, F-gas)' },
        },
        {
          path: 'governmentRule.eligibleCostYen',
          kind: 'yen',
          label: { ja: '補助対象経費（円、代替フロン）', en: 'Eligible cost (yen, F-gas)' },
        },
      ],
    },
    {
      title: { ja: 'その他の保有者（任意）', en: 'Other holders (optional)' },
      fields: [
        { path: 'otherHolders.0.holderId', kind: 'text', label: { ja: '保有者1の名称', en: 'Holder 1' } },
        {
          path: 'otherHolders.0.share',
          kind: 'decimal',
          label: { ja: '保有者1の比率', en: 'Holder 1 weight' },
        },
        { path: 'otherHolders.1.holderId', kind: 'text', label: { ja: '保有者2の名称', en: 'Holder 2' } },
        {
          path: 'otherHolders.1.share',
          kind: 'decimal',
          label: { ja: '保有者2の比率', en: 'Holder 2 weight' },
        },
      ],
    },
  ],
  figures: [
    { path: 'issuedT', kind: 'tonnes', label: { ja: '発行量', en: 'Issued' } },
    {
      path: 'governmentShare',
      kind: 'text',
      label: { ja: '日本政府の割合', en: "Government of Japan's share" },
    },
  ],
  tables: [
    {
      path: 'allocations',
      title: { ja: '配分', en: 'Allocation' },
      columns: [
        { path: 'holderId', kind: 'text', label: { ja: '保有者', en: 'Holder' } },
        { path: 'quantityT', kind: 'tonnes', label: { ja: '数量', en: 'Quantity' } },
        { path: 'serialRange.start', kind: 'text', label: { ja: 'シリアル（開始）', en: 'Serial from' } },
        { path: 'serialRange.end', kind: 'text', label: { ja: 'シリアル（終了）', en: 'Serial to' } },
      ],
    },
  ],
  example: {
    'governmentRule.kind': 'EQUIPMENT_SUBSIDY',
    'governmentRule.share': '0.5',
    issuedT: '10001',
    'otherHolders.0.holderId': 'Company A',
    'otherHolders.0.share': '1',
  },
  schema: AllocateCreditsInput,
  toBody: (body) => {
    const rule = { ...(body['governmentRule'] as Record<string, unknown>) };
    // The rule is a discriminated union: send only the fields of the chosen kind.
    if (rule['kind'] === 'F_GAS') delete rule['share'];
    else {
      delete rule['subsidyYen'];
      delete rule['eligibleCostYen'];
    }
    const holders = ((body['otherHolders'] as Record<string, unknown>[] | undefined) ?? []).filter(Boolean);
    return { ...body, governmentRule: rule, otherHolders: holders };
  },
};
