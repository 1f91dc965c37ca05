import Decimal from 'decimal.js';
import { documentGap, isGap, type PresetValue } from '../shared/gap';

/** Columns of 別添4: EE (省エネルギー) and RE (再生可能エネルギー), by what is replaced. */
export type EfColumn =
  'EE_all' | 'EE_other' | 'EE_captive_diesel' | 'EE_captive_gas' | 'RE_all' | 'RE_other' | 'RE_captive';

type Row = Partial<Record<EfColumn, PresetValue<string>>>;

const SUB = (table: string) =>
  documentGap(`See sub-table ${table}; pass a subGrid.`, `jcm-grants.md §3.5 / 別添4 ${table}`);

/** Grid emission factors (電力CO2排出係数, tCO2/MWh) as data, with their as-of date. */
export interface GridEmissionFactorTable {
  readonly id: string;
  readonly asOf: string;
  readonly source: string;
  readonly countries: Readonly<Record<string, Row>>;
  readonly subGrids: Readonly<Record<string, Readonly<Record<string, Row>>>>;
}

// jcm-grants.md §3.5 / 公募要領 別添4 令和3年度JCM設備補助事業 電力CO2排出係数 (2021-04-07), screening only.
export const GRID_EF_JCM_FY2021: GridEmissionFactorTable = {
  id: 'GRID_EF_JCM_FY2021',
  asOf: '2021-04-07',
  source: 'jcm-grants.md §3.5 / 公募要領 別添4',
  countries: {
    MN: { EE_other: SUB('別表1'), EE_captive_diesel: '0.8', RE_other: SUB('別表1'), RE_captive: '0.533' },
    BD: {
      EE_other: '0.67',
      EE_captive_diesel: '0.8',
      EE_captive_gas: '0.46',
      RE_other: '0.376',
      RE_captive: '0.533',
    },
    ET: { EE_captive_diesel: '0.8', RE_other: '0.112', RE_captive: '0.533' },
    KE: { EE_other: '0.2262', EE_captive_diesel: '0.8', RE_all: '0.533' },
    MV: { EE_all: '0.8', RE_all: '0.533' },
    VN: {
      EE_other: '0.8458',
      EE_captive_diesel: '0.8',
      EE_captive_gas: '0.46',
      RE_other: '0.333',
      RE_captive: '0.533',
    },
    LA: { EE_other: '0.5595', EE_captive_diesel: '0.8', RE_other: '0.319', RE_captive: '0.533' },
    ID: {
      EE_other: documentGap(
        '別表2 Indonesia values are missing from the extracted text (image).',
        'jcm-grants.md §3.5, §9 item 6',
      ),
      EE_captive_diesel: '0.8',
      RE_other: documentGap(
        '別表2 Indonesia values are missing from the extracted text (image).',
        'jcm-grants.md §3.5, §9 item 6',
      ),
      RE_captive: '0.533',
    },
    CR: {
      EE_other: '0.1',
      EE_captive_diesel: '0.8',
      EE_captive_gas: '0.46',
      RE_other: '0.255',
      RE_captive: '0.533',
    },
    PW: { EE_all: '0.8', RE_all: '0.533' },
    KH: { EE_other: SUB('別表3'), EE_captive_diesel: '0.8', RE_other: '0.353', RE_captive: '0.533' },
    MX: { EE_other: '0.528', EE_captive_diesel: '0.8', RE_other: '0.434', RE_captive: '0.533' },
    SA: { EE_other: '0.654', EE_captive_diesel: '0.8', EE_captive_gas: '0.46', RE_all: '0.533' },
    CL: { EE_other: '0.611', EE_captive_diesel: '0.8', RE_other: SUB('別表4'), RE_captive: '0.533' },
    MM: { EE_other: '0.3', EE_captive_diesel: '0.8', RE_other: '0.319', RE_captive: '0.533' },
    TH: { EE_other: '0.5664', EE_captive_diesel: '0.8', EE_captive_gas: '0.46', RE_all: '0.319' },
    PH: { EE_other: SUB('別表5'), EE_captive_diesel: '0.8', RE_other: SUB('別表5'), RE_captive: '0.533' },
  },
  subGrids: {
    // Case 1 (grid only) in *_other, case 2 (grid + captive) in *_captive.
    MN: {
      NATIONAL_CASE1: { EE_other: '0.859', RE_other: '0.797' },
      NATIONAL_CASE2: { EE_other: '0.8', RE_other: '0.533' },
    },
    KH: {
      NATIONAL: { EE_other: '0.384' },
      KAMPOT_SIHANOUKVILLE: { EE_other: '0.643' },
      KAMPONG_CHAM: { EE_other: '0.724' },
    },
    CL: { SEN: { RE_other: '0.404' }, AYSEN: { RE_other: '0.176' }, MAGALLANES: { RE_other: '0.361' } },
    PH: {
      LUZON_VISAYAS: { EE_other: '0.5979', RE_other: '0.507' },
      MINDANAO: { EE_other: '0.7921', RE_other: '0.468' },
    },
  },
};

// jcm-grants.md §3.5 / 別添4: 「全ての場合」の値があればそれを用い、なければ該当する列.
/** Look up a grid emission factor (排出係数) in tCO2/MWh; a gap comes back as a reason, never a guess. */
export function gridEmissionFactor(
  table: GridEmissionFactorTable,
  country: string,
  column: Exclude<EfColumn, 'EE_all' | 'RE_all'>,
  subGrid?: string,
): { factor: Decimal } | { gap: string } {
  const row = subGrid ? table.subGrids[country]?.[subGrid] : table.countries[country];
  if (!row)
    return { gap: `no ${subGrid ? `sub-grid ${subGrid} for ` : ''}country ${country} in ${table.id}` };
  const all = column.startsWith('EE') ? row.EE_all : row.RE_all;
  const value = all ?? row[column];
  if (value === undefined) return { gap: `${country} has no ${column} value in ${table.id}` };
  if (isGap(value)) return { gap: value.reason };
  return { factor: new Decimal(value) };
}
