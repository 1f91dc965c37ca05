import Decimal from 'decimal.js';

export interface IssuanceShare {
  readonly holderId: string;
  /** Weight or fraction; shares are normalised by their sum. */
  readonly share: string;
  /** Round this holder's quota up so it never receives less than its share (e.g. GoJ "at least ½"). */
  readonly atLeast?: boolean;
}

export interface IssuanceAllocation {
  readonly holderId: string;
  readonly quantity: bigint;
}

// jcm-grants.md §8 R-POST-04 / city-partnerships.md §7.5: split whole credits (1 credit = 1 tCO2) exactly.
/**
 * Split a whole number of credits (クレジットの配分) among holders so that the parts sum to the total.
 * Method (largest remainder, deterministic): each holder's exact quota = total × share ÷ Σshares. Holders marked
 * `atLeast` get ceil(quota); the others get floor(quota). Left-over units go one at a time to the non-`atLeast`
 * holders with the largest fractional part; ties go to the earlier holder in the input order. If the rounded-up
 * holders alone exceed the total, units are taken back from the last such holders in input order.
 */
export function allocateIssuance(totalT: bigint, shares: readonly IssuanceShare[]): IssuanceAllocation[] {
  if (totalT < 0n) throw new RangeError('total must be ≥ 0');
  if (shares.length === 0) throw new RangeError('at least one holder is required');
  const ids = new Set(shares.map((s) => s.holderId));
  if (ids.size !== shares.length) throw new RangeError('holder ids must be unique');
  const weights = shares.map((s) => new Decimal(s.share));
  if (weights.some((w) => w.isNegative())) throw new RangeError('shares must be ≥ 0');
  const sum = weights.reduce((a, w) => a.plus(w), new Decimal(0));
  if (sum.isZero()) throw new RangeError('shares must not all be zero');
  const total = new Decimal(totalT.toString());
  const quotas = weights.map((w) => total.times(w).dividedBy(sum));
  const qty = quotas.map((q, i) => BigInt((shares[i].atLeast ? q.ceil() : q.floor()).toFixed(0)));
  let remainder = totalT - qty.reduce((a, b) => a + b, 0n);
  const order = quotas
    .map((q, i) => ({ i, frac: q.minus(q.floor()) }))
    .filter(({ i }) => !shares[i].atLeast)
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (let k = 0; remainder > 0n && order.length > 0; k = (k + 1) % order.length) {
    qty[order[k].i] += 1n;
    remainder -= 1n;
  }
  for (let i = shares.length - 1; remainder < 0n && i >= 0; i--) {
    while (remainder < 0n && qty[i] > 0n && shares[i].atLeast) {
      qty[i] -= 1n;
      remainder += 1n;
    }
  }
  if (remainder !== 0n) throw new RangeError('could not allocate the total exactly');
  return shares.map((s, i) => ({ holderId: s.holderId, quantity: qty[i] }));
}
