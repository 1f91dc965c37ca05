import type { Methodology } from '../methodology/methodology.schema';

const BASED_ON =
  'JCM high-efficiency centrifugal chiller methodology TH_AM005 Ver3.0 (family ID_AM002, VN_AM011, BD_AM001), structure as read from ' +
  'jcm.go.jp and the ID009 monitoring report (anchors/mrv-grants.md §3.2): RE = EC_PJ × COP_PJ / COP_RE × EF_elec, PE = EC_PJ × EF_elec; ' +
  'grid factor: jcm-grants.md §3.5 / 公募要領 別添4 省エネルギー columns';

/**
 * High-efficiency centrifugal chiller (高効率ターボ冷凍機の導入) as data: the project chillers' power consumption
 * EC_PJ is monitored per month and meter; the reference chiller would have used EC_PJ × COP_PJ / COP_RE for the
 * same cooling, so RE = Σ EC_PJ × COP_PJ / COP_RE × EF_elec and PE = Σ EC_PJ × EF_elec; ER = RE − PE rounded down.
 * COP_RE has no default here: the methodology's capacity-band defaults are not in the sources read (gap), so it is
 * fixed per project at validation. Ranges are platform choices [I].
 */
export const CHILLER_METHODOLOGY: Methodology = {
  id: 'JCM-CHILLER-CENTRIFUGAL',
  version: '1.0',
  status: 'PUBLISHED',
  publishedOn: '2026-12-01',
  title: {
    ja: '高効率ターボ冷凍機の導入による省エネルギー',
    en: 'Energy saving by introduction of high-efficiency centrifugal chillers',
  },
  sectoralScope: 3,
  basedOn: BASED_ON,
  parameters: [
    {
      id: 'EC_PJ',
      symbol: 'EC_PJ,i,p',
      name: {
        ja: 'プロジェクト冷凍機iの期間pの消費電力量',
        en: 'Power consumption of project chiller i in period p',
      },
      kind: 'MONITORED',
      shape: 'SERIES',
      unit: 'MWh',
      source: {
        ja: '電力量計による連続計測（オプションC）、月次で整合性を確認',
        en: 'Continuous power meter (option C), integrity checked monthly',
      },
      monitoringOption: 'C',
      plausibleRange: { min: '0', max: '10000' },
    },
    {
      id: 'COP_PJ',
      symbol: 'COP_PJ,i',
      name: {
        ja: 'プロジェクト冷凍機の定格条件でのCOP',
        en: 'COP of the project chiller at rated conditions',
      },
      kind: 'FIXED_EX_ANTE',
      shape: 'SCALAR',
      unit: '-',
      source: { ja: 'メーカー仕様書（定格条件）', en: "Manufacturer's specification at rated conditions" },
      plausibleRange: { min: '1', max: '12' },
    },
    {
      id: 'COP_RE',
      symbol: 'COP_RE,i',
      name: { ja: 'リファレンス冷凍機のCOP', en: 'COP of the reference chiller' },
      kind: 'FIXED_EX_ANTE',
      shape: 'SCALAR',
      unit: '-',
      source: {
        ja: '方法論の容量区分別デフォルト値（妥当性確認時に固定）',
        en: "The methodology's default by capacity band, fixed at validation",
      },
      plausibleRange: { min: '1', max: '12' },
    },
    {
      id: 'EF_elec',
      symbol: 'EF_elec',
      name: { ja: '消費電力のCO2排出係数', en: 'CO2 emission factor of the electricity consumed' },
      kind: 'FIXED_EX_ANTE',
      shape: 'SCALAR',
      unit: 'tCO2/MWh',
      source: {
        ja: '公募要領 別添4 省エネルギーの国・ケース別の値（妥当性確認時に固定）',
        en: '別添4 energy-efficiency column for the host country and case, fixed at validation',
      },
      plausibleRange: { min: '0', max: '1.5' },
      gridFactor: { table: 'GRID_EF_JCM_FY2021', technology: 'EE' },
    },
  ],
  outputs: [
    {
      id: 'RE',
      name: { ja: 'リファレンス排出量', en: 'Reference emissions' },
      unit: 'tCO2',
      formula: 'sum(EC_PJ) * COP_PJ / COP_RE * EF_elec',
      rounding: { mode: 'NONE', places: 0 },
    },
    {
      id: 'PE',
      name: { ja: 'プロジェクト排出量', en: 'Project emissions' },
      unit: 'tCO2',
      formula: 'sum(EC_PJ) * EF_elec',
      rounding: { mode: 'NONE', places: 0 },
    },
    {
      id: 'ER',
      name: { ja: '排出削減量', en: 'Emission reductions' },
      unit: 'tCO2',
      formula: 'RE - PE',
      rounding: { mode: 'DOWN', places: 0 },
    },
  ],
  eligibility: [
    {
      id: 'C1',
      text: {
        ja: '遠心圧縮機を備えたターボ冷凍機を導入すること',
        en: 'The project chiller is a centrifugal (turbo) chiller',
      },
      source: BASED_ON,
    },
    {
      id: 'C2',
      text: {
        ja: 'プロジェクト冷凍機の定格COPが6.0以上であること',
        en: 'The COP of the project chiller at rated conditions is at least 6.0',
      },
      source: 'anchors/mrv-grants.md §3.2 (Indonesian chiller eligibility: COP ≥ 6.0)',
    },
    {
      id: 'C3',
      text: {
        ja: 'オゾン層破壊係数がゼロの冷媒を使用すること',
        en: 'The refrigerant has zero ozone-depletion potential',
      },
      source: 'plan-forms.md §7.6 V-CHR-2 (no ODS equipment)',
    },
    {
      id: 'C4',
      text: {
        ja: '冷凍機の定期保守の計画（保守契約）があること',
        en: 'A periodic maintenance plan (maintenance contract) is in place',
      },
      source: 'anchors/mrv-grants.md §3.2 (Indonesian chiller eligibility: maintenance contract)',
    },
  ],
};
