import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import { assertYen, floorYen, type Yen } from '../shared/money';
import type { C3pCallPreset } from './c3p-preset';

// city-partnerships.md §7.1 B1/B2 / ガイドブック §3.3(3): 上限2千万円／年（税込み）.
/** Annual budget within the call cap (上限額), tax included. */
export function annualBudgetWithinCap(totalInclTaxYen: Yen, preset: C3pCallPreset): Finding[] {
  if (assertYen(totalInclTaxYen) <= preset.annualCapInclTaxYen) return [];
  return [
    finding(
      'C3P-B1',
      'error',
      `税込合計${totalInclTaxYen.toLocaleString('en-US')}円が上限${preset.annualCapInclTaxYen.toLocaleString('en-US')}円／年（税込み）を超えています。`,
      `Total ¥${totalInclTaxYen.toLocaleString('en-US')} incl. tax exceeds the cap of ¥${preset.annualCapInclTaxYen.toLocaleString('en-US')}/year.`,
      'city-partnerships.md §7.1 B1/B2 / ガイドブック §3.3(3)',
    ),
  ];
}

// city-partnerships.md §7.1 B4 / ガイドブック 表5 外注費: 原則として直接費と間接費の合計額の2分の1を超えてはならない.
/** Outsourcing limit (外注費の上限) = ½ × (direct cost + general admin), floored to the yen. */
export function outsourcingLimit(directCostYen: Yen, indirectCostYen: Yen, preset: C3pCallPreset): Yen {
  return floorYen(
    new Decimal(assertYen(directCostYen))
      .plus(assertYen(indirectCostYen))
      .times(preset.outsourcingMaxShareOfDirectPlusIndirect),
  );
}

export function outsourcingWithinLimit(outsourcingYen: Yen, limitYen: Yen): Finding[] {
  if (outsourcingYen <= limitYen) return [];
  return [
    finding(
      'C3P-B4',
      'error',
      `外注費${outsourcingYen.toLocaleString('en-US')}円が直接費＋間接費の2分の1（${limitYen.toLocaleString('en-US')}円）を超えています（原則不可）。`,
      `Outsourcing ¥${outsourcingYen.toLocaleString('en-US')} exceeds ½ of direct + indirect cost (¥${limitYen.toLocaleString('en-US')}); not allowed in principle.`,
      'city-partnerships.md §7.1 B4 / ガイドブック 表5 外注費',
    ),
  ];
}

// city-partnerships.md §7.1 B7 / ガイドブック BOX 6: 契約金額は申請金額を精査した上で決定.
/** Contract amount (契約金額) ≤ requested amount (申請金額). */
export function contractAmountWithinRequest(contractYen: Yen, requestedYen: Yen): Finding[] {
  if (contractYen <= requestedYen) return [];
  return [
    finding(
      'C3P-B7',
      'error',
      '契約金額が申請金額を超えています。',
      'The contract amount exceeds the requested amount.',
      'city-partnerships.md §7.1 B7 / ガイドブック BOX 6, §3.3(3)',
    ),
  ];
}

export interface ContractAmountChange {
  readonly amountYen: Yen;
  readonly effectiveDate: string;
  readonly reason: 'CONTRACTED' | 'REDUCED';
}

// city-partnerships.md §7.1 B8 / ガイドブック §3.3(3): 契約金額が決定された後でも中止または減額の可能性.
/** Apply a mid-year reduction (減額): the amount must go down; the history is kept. */
export function reduceContractAmount(
  history: readonly ContractAmountChange[],
  newAmountYen: Yen,
  effectiveDate: string,
): { history: ContractAmountChange[]; findings: Finding[] } {
  const current = history[history.length - 1];
  if (!current || newAmountYen >= current.amountYen) {
    return {
      history: [...history],
      findings: [
        finding(
          'C3P-B8',
          'error',
          '減額後の金額は現在の契約金額より小さくなければなりません。',
          'A reduction must lower the current contract amount.',
          'city-partnerships.md §7.1 B8',
        ),
      ],
    };
  }
  return {
    history: [...history, { amountYen: assertYen(newAmountYen), effectiveDate, reason: 'REDUCED' }],
    findings: [],
  };
}
