import {
  GRID_EF_JCM_FY2021,
  gridEmissionFactor,
  type EfColumn,
  type GridEmissionFactorTable,
} from './grid-emission-factors';

/** A row of 別添4 beyond its numbers: the No., the country names as printed, and the 出典 (source) columns. */
export interface GridEfCountry {
  readonly no: number;
  readonly ja: string;
  readonly en: string;
  /** 出典 省エネルギー (blank = "－" in the original). */
  readonly eeSource: string;
  /** 出典 再生可能エネルギー（PV、風力、水力等）. */
  readonly reSource: string;
}

// seeds/001 公募要領 別添4 一覧表 No.1–17 and its 出典 table (L3025–L3100); jcm-grants.md §3.5.
export const GRID_EF_JCM_FY2021_COUNTRIES: Readonly<Record<string, GridEfCountry>> = {
  MN: {
    no: 1,
    ja: 'モンゴル',
    en: 'Mongolia',
    eeSource: 'IGESグリッド排出係数一覧表 / モンゴル政府公表値',
    reSource: 'JCM方法論(MN_AM003)',
  },
  BD: {
    no: 2,
    ja: 'バングラデシュ',
    en: 'Bangladesh',
    eeSource: 'IGESグリッド排出係数一覧表 / バングラデシュ政府公表値',
    reSource: 'JCM方法論(BD_AM002)',
  },
  ET: { no: 3, ja: 'エチオピア', en: 'Ethiopia', eeSource: '－', reSource: 'JCM方法論(ET_AM003)' },
  KE: {
    no: 4,
    ja: 'ケニア',
    en: 'Kenya',
    eeSource: 'IGESグリッド排出係数一覧表 / CDM登録済みPJのCMの平均値',
    reSource: 'JCM方法論(KE_AM002)',
  },
  MV: {
    no: 5,
    ja: 'モルディブ',
    en: 'Maldives',
    eeSource: 'CDMツール等を参照',
    reSource: 'JCM方法論(MV_AM001)',
  },
  VN: {
    no: 6,
    ja: 'ベトナム',
    en: 'Viet Nam',
    eeSource: 'IGESグリッド排出係数一覧表 / ベトナム政府公表値',
    reSource: 'JCM方法論(VN_AM007)',
  },
  LA: {
    no: 7,
    ja: 'ラオス',
    en: 'Lao PDR',
    eeSource: 'IGESグリッド排出係数一覧表 / ラオス政府公表値',
    reSource: 'CDMツール等を踏まえてIGES試算',
  },
  ID: {
    no: 8,
    ja: 'インドネシア',
    en: 'Indonesia',
    eeSource: 'IGESグリッド排出係数一覧表 / インドネシア政府公表値',
    reSource: 'JCM方法論(ID_AM013)',
  },
  CR: {
    no: 9,
    ja: 'コスタリカ',
    en: 'Costa Rica',
    eeSource: 'CDMツール等を踏まえてIGES試算',
    reSource: 'JCM方法論(CR_AM001)',
  },
  PW: { no: 10, ja: 'パラオ', en: 'Palau', eeSource: 'CDMツール等を参照', reSource: 'JCM方法論(PW_AM001)' },
  KH: {
    no: 11,
    ja: 'カンボジア',
    en: 'Cambodia',
    eeSource: 'IGESグリッド排出係数一覧表 / カンボジア政府公表値',
    reSource: 'JCM方法論(KH_AM002)',
  },
  MX: {
    no: 12,
    ja: 'メキシコ',
    en: 'Mexico',
    eeSource: 'IGESグリッド排出係数一覧表 / CDM登録済みPJのCMの平均値',
    reSource: 'JCM方法論(MX_AM001)',
  },
  SA: {
    no: 13,
    ja: 'サウジアラビア',
    en: 'Saudi Arabia',
    eeSource: 'サウジアラビア政府公表値',
    reSource: 'JCM方法論(PW_AM001)のディーゼル最高効率値を適用',
  },
  CL: {
    no: 14,
    ja: 'チリ',
    en: 'Chile',
    eeSource: 'IGESグリッド排出係数一覧表 / CDM登録済みPJのCMの平均値',
    reSource: 'SING及びSICのグリッドが統合されたことを踏まえ、IGES試算',
  },
  MM: {
    no: 15,
    ja: 'ミャンマー',
    en: 'Myanmar',
    eeSource: 'CDMツール等を踏まえてIGES試算',
    reSource: 'CDMツール等を踏まえてIGES試算',
  },
  TH: {
    no: 16,
    ja: 'タイ',
    en: 'Thailand',
    eeSource: 'IGESグリッド排出係数一覧表 / タイ政府公表値',
    reSource: 'JCM方法論(TH_AM001)',
  },
  PH: {
    no: 17,
    ja: 'フィリピン',
    en: 'Philippines',
    eeSource: 'IGESグリッド排出係数一覧表 / フィリピン政府公表値',
    reSource: 'JCM方法論(PH_AM002)',
  },
};

/**
 * What the project's equipment replaces, in 別添4's column terms:
 * GRID = 右記以外の場合 (grid power, or grid and on-site captive power together);
 * CAPTIVE_DIESEL / CAPTIVE_GAS = 所内自家発電のみを代替する場合 (only captive power; EE distinguishes the fuel, RE does not).
 */
export type GridFactorCase = 'GRID' | 'CAPTIVE_DIESEL' | 'CAPTIVE_GAS';

const COLUMN: Record<'EE' | 'RE', Record<GridFactorCase, Exclude<EfColumn, 'EE_all' | 'RE_all'>>> = {
  EE: { GRID: 'EE_other', CAPTIVE_DIESEL: 'EE_captive_diesel', CAPTIVE_GAS: 'EE_captive_gas' },
  RE: { GRID: 'RE_other', CAPTIVE_DIESEL: 'RE_captive', CAPTIVE_GAS: 'RE_captive' },
};

// jcm-grants.md §3.5 / 公募要領 別添4: the screening value of the grid factor for a methodology parameter bound to 別添4.
/**
 * The value (tCO2/MWh, decimal string) a fixed-ex-ante grid-factor parameter takes for a project, with its
 * citation; a gap (別表2 Indonesia, a sub-table without the sub-grid named) comes back as a reason, never a guess.
 */
export function gridFactorParameterValue(
  query: { technology: 'EE' | 'RE'; country: string; case: GridFactorCase; subGrid?: string },
  table: GridEmissionFactorTable = GRID_EF_JCM_FY2021,
): { value: string; source: string } | { gap: string } {
  const column = COLUMN[query.technology][query.case];
  const r = gridEmissionFactor(table, query.country, column, query.subGrid);
  if ('gap' in r) return r;
  const c = GRID_EF_JCM_FY2021_COUNTRIES[query.country];
  const origin = query.technology === 'EE' ? c?.eeSource : c?.reSource;
  const sub = query.subGrid ? ` ${query.subGrid}` : '';
  return {
    value: r.factor.toFixed(),
    source: `${table.source} (${table.asOf}) No.${c?.no ?? '?'} ${c?.ja ?? query.country}${sub} ${column}; 出典: ${origin ?? '－'}`,
  };
}
