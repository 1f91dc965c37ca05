import Decimal from 'decimal.js';

// plan-forms.md §5.4 / 実施計画書 4(2): 小数点以下1桁まで記載（小数点以下2位を切捨て）
/** Truncate to one decimal place (小数点以下2位を切捨て), e.g. 3.05 → 3.0. Non-negative inputs. */
export function truncateToOneDecimal(value: Decimal): Decimal {
  return value.toDecimalPlaces(1, Decimal.ROUND_DOWN);
}
