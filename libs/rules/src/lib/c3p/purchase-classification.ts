import { assertYen, type Yen } from '../shared/money';
import type { C3pCallPreset } from './c3p-preset';

export interface PurchaseItem {
  readonly unitPriceYen: Yen;
  /** Expected years of repeated use (反復使用に耐える期間). */
  readonly durableYears: number;
  /** Breaks easily even if durable, e.g. glass lab ware (比較的破損しやすい). */
  readonly fragile?: boolean;
  /** Becomes useless within this many years, e.g. map data (2年を限度としてその用を成さなくなる). */
  readonly usefulForYears?: number;
}

// city-partnerships.md §7.1 B6 / ガイドブック 表5 備品費・消耗品費: 20万円以上かつ消耗品に該当しないもの = 備品費.
/** Classify a purchase as equipment (備品費) or consumables (消耗品費), with the reason (①–④). */
export function classifyPurchase(
  item: PurchaseItem,
  preset: C3pCallPreset,
): { category: '備品費' | '消耗品費'; reason: string } {
  const years = preset.equipmentMinDurabilityYears;
  if (assertYen(item.unitPriceYen) < preset.equipmentMinPriceYen)
    return { category: '消耗品費', reason: '① 取得価格20万円未満' };
  if (item.durableYears < years) return { category: '消耗品費', reason: '② 概ね2年の反復使用に耐えない' };
  if (item.fragile) return { category: '消耗品費', reason: '③ 比較的破損しやすい' };
  if (item.usefulForYears !== undefined && item.usefulForYears <= years)
    return { category: '消耗品費', reason: '④ 2年を限度として用を成さなくなる' };
  return { category: '備品費', reason: '取得価額20万円以上で消耗品に該当しない' };
}
