import Decimal from 'decimal.js';
import * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import { FractionStringSchema, YenSchema } from '../shared/schemas';
import { allocateIssuance, type IssuanceShare } from './allocate-issuance';
import { governmentShare } from './government-share';
import { allocateSerialRanges } from './serial-ranges';

const WholeT = z.union([
  z.number().int().nonnegative().refine(Number.isSafeInteger),
  z
    .string()
    .max(16)
    .regex(/^\d{1,16}$/),
]);
const Serial = z
  .string()
  .max(16)
  .regex(/^\d{1,16}$/);

/** Request body for allocateCredits (発行クレジットの配分, 様式5). */
export const AllocateCreditsInput = z.object({
  issuedT: WholeT,
  partnerCountryAllocationT: WholeT.default(0),
  governmentRule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('EQUIPMENT_SUBSIDY'), share: FractionStringSchema.optional() }),
    z.object({ kind: z.literal('F_GAS'), subsidyYen: YenSchema, eligibleCostYen: YenSchema.positive() }),
    z.object({ kind: z.literal('FIXED'), share: FractionStringSchema }),
  ]),
  /** Consortium members sharing what is left after the government share, with relative weights. */
  otherHolders: z
    .array(
      z.object({
        holderId: z
          .string()
          .min(1)
          .max(100)
          .regex(/^[^\p{Cc}]{1,100}$/u),
        share: z
          .string()
          .max(24)
          .regex(/^\d{1,4}(\.\d{1,18})?$/),
      }),
    )
    .default([]),
  firstSerial: Serial.optional(),
});
export type AllocateCreditsInput = z.input<typeof AllocateCreditsInput>;

export interface CreditAllocationLine {
  readonly holderId: string;
  readonly quantityT: string;
  readonly serialRange: { start: string; end: string } | null;
}

export interface AllocateCreditsResult {
  readonly issuedT: string;
  readonly governmentShare: string;
  readonly allocations: CreditAllocationLine[];
  readonly findings: Finding[];
}

export const GOVERNMENT_HOLDER_ID = 'GOVERNMENT_OF_JAPAN';
export const PARTNER_COUNTRY_HOLDER_ID = 'PARTNER_COUNTRY';

// jcm-grants.md §8 R-POST-04 / city-partnerships.md §7.5 J6–J8: partner allocation first, then GoJ share (rounded up so it is
// never below its share), then the other holders by weight; whole credits, sum == issued, serials consecutive.
/** Allocate issued credits (クレジットの配分) to the partner country, the Government of Japan and consortium members. */
export function allocateCredits(input: AllocateCreditsInput): AllocateCreditsResult {
  const v = AllocateCreditsInput.parse(input);
  const issued = BigInt(v.issuedT);
  const partner = BigInt(v.partnerCountryAllocationT);
  if (partner > issued) throw new RangeError('partner-country allocation exceeds the issued credits');
  const gov = governmentShare(v.governmentRule);
  const findings: Finding[] = [...gov.findings];
  const remainder = issued - partner;
  const othersWeight = v.otherHolders.reduce((a, h) => a.plus(h.share), new Decimal(0));
  const shares: IssuanceShare[] = [
    { holderId: GOVERNMENT_HOLDER_ID, share: gov.share.toFixed(), atLeast: true },
  ];
  if (v.otherHolders.length === 0 || othersWeight.isZero()) {
    if (gov.share.lessThan(1)) {
      findings.push(
        finding(
          'CR-ALLOC-1',
          'warning',
          '政府以外の保有者が指定されていないため、残りも日本政府に配分します。',
          'No other holders are given, so the rest also goes to the Government of Japan.',
          'jcm-grants.md §5.3 様式5',
        ),
      );
    }
  } else {
    const rest = new Decimal(1).minus(gov.share);
    for (const h of v.otherHolders)
      shares.push({ holderId: h.holderId, share: rest.times(h.share).dividedBy(othersWeight).toFixed() });
  }
  const parts =
    remainder === 0n
      ? shares.map((s) => ({ holderId: s.holderId, quantity: 0n }))
      : allocateIssuance(remainder, shares.length === 1 ? [{ ...shares[0], share: '1' }] : shares);
  const lines = partner > 0n ? [{ holderId: PARTNER_COUNTRY_HOLDER_ID, quantity: partner }, ...parts] : parts;
  const ranges = v.firstSerial
    ? allocateSerialRanges(
        BigInt(v.firstSerial),
        lines.map((l) => l.quantity),
      )
    : lines.map(() => null);
  return {
    issuedT: issued.toString(),
    governmentShare: gov.share.toFixed(),
    allocations: lines.map((l, i) => {
      const r = ranges[i];
      return {
        holderId: l.holderId,
        quantityT: l.quantity.toString(),
        serialRange: r ? { start: r.start.toString(), end: r.end.toString() } : null,
      };
    }),
    findings,
  };
}
