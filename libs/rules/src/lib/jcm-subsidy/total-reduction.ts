import Decimal from 'decimal.js';
import { floorTonnes } from '../shared/tonnes';

/** Whether the total multiplies the floored annual figure ① or the raw one (plan-forms.md §5.1 ambiguity). */
export type TotalFrom = 'flooredAnnual' | 'rawAnnual';

export interface TechnologyReduction {
  readonly annualT: Decimal; // 年間排出削減量 raw
  readonly years: number; // 法定耐用年数, or lease years for Eco-Lease
}

// jcm-grants.md §8 R-EVAL-03 / 別添2 (C) and 実施計画書 8(1)③: 排出削減総量 = 年間排出削減量 × 法定耐用年数 (切り捨て).
/** Total reduction for one technology (排出削減総量), whole tonnes rounded down. */
export function totalReduction(annualT: Decimal, years: number, from: TotalFrom = 'flooredAnnual'): Decimal {
  if (!Number.isInteger(years) || years < 1) throw new RangeError('useful life must be an integer ≥ 1 year');
  if (annualT.isNegative()) throw new RangeError('annual reduction must be ≥ 0');
  const annual = from === 'flooredAnnual' ? floorTonnes(annualT) : annualT;
  return floorTonnes(annual.times(years));
}

// plan-forms.md §5.1 / 実施計画書 8(1)＊: 複数技術の場合は、それぞれ求めた削減量の小数点以下切り捨てた数値を合計.
/** Project total (事業全体の排出削減総量) = Σ per-technology floored totals, never floor of the sum. */
export function projectTotalReduction(
  technologies: readonly TechnologyReduction[],
  from: TotalFrom = 'flooredAnnual',
): { perTechnologyT: Decimal[]; totalT: Decimal; annualT: Decimal } {
  const perTechnologyT = technologies.map((t) => totalReduction(t.annualT, t.years, from));
  return {
    perTechnologyT,
    totalT: perTechnologyT.reduce((a, b) => a.plus(b), new Decimal(0)),
    annualT: technologies.reduce((a, t) => a.plus(floorTonnes(t.annualT)), new Decimal(0)),
  };
}

/** Sum of already-floored per-technology totals (FX-14: 100.6 + 200.7 → 300). */
export function sumOfFlooredTotals(totals: readonly Decimal[]): Decimal {
  return totals.reduce((a, t) => a.plus(floorTonnes(t)), new Decimal(0));
}
