import { allocateCredits } from './allocate-credits';
import { allocateIssuance } from './allocate-issuance';
import { governmentShare } from './government-share';
import { allocateSerialRanges, noOverlap, rangeSize, rangesOverlap, splitSerialRange } from './serial-ranges';

const qty = (r: { allocations: { holderId: string; quantityT: string }[] }) =>
  Object.fromEntries(r.allocations.map((a) => [a.holderId, a.quantityT]));

describe('governmentShare', () => {
  it('J6: equipment subsidy defaults to the documented minimum ½ with an info finding', () => {
    const r = governmentShare({ kind: 'EQUIPMENT_SUBSIDY' });
    expect(r.share.toFixed()).toBe('0.5');
    expect(r.findings[0].severity).toBe('info');
  });
  it('a configured share below ½ for an equipment subsidy is an error', () => {
    expect(governmentShare({ kind: 'EQUIPMENT_SUBSIDY', share: '0.4' }).findings[0].severity).toBe('error');
  });
  it('J7/J8: F-gas share = max(subsidy/eligible, ½)', () => {
    expect(governmentShare({ kind: 'F_GAS', subsidyYen: 60, eligibleCostYen: 100 }).share.toFixed()).toBe(
      '0.6',
    );
    expect(governmentShare({ kind: 'F_GAS', subsidyYen: 40, eligibleCostYen: 100 }).share.toFixed()).toBe(
      '0.5',
    );
  });
});

describe('allocateIssuance — whole credits, exact sum, deterministic remainder', () => {
  it('10 among three equal holders → 4, 3, 3 (tie goes to the earlier holder)', () => {
    const r = allocateIssuance(10n, [
      { holderId: 'a', share: '1' },
      { holderId: 'b', share: '1' },
      { holderId: 'c', share: '1' },
    ]);
    expect(r.map((x) => x.quantity)).toEqual([4n, 3n, 3n]);
  });
  it('an atLeast holder is rounded up: 5 at ½ → GoJ 3, other 2', () => {
    const r = allocateIssuance(5n, [
      { holderId: 'GOJ', share: '0.5', atLeast: true },
      { holderId: 'X', share: '0.5' },
    ]);
    expect(r.map((x) => x.quantity)).toEqual([3n, 2n]);
  });
  it('sums to the total for many splits', () => {
    for (let total = 0n; total < 50n; total++) {
      const r = allocateIssuance(total, [
        { holderId: 'g', share: '0.55', atLeast: true },
        { holderId: 'a', share: '0.3' },
        { holderId: 'b', share: '0.15' },
      ]);
      expect(r.reduce((s, x) => s + x.quantity, 0n)).toBe(total);
    }
  });
  it('rejects duplicate holders and zero weights', () => {
    expect(() =>
      allocateIssuance(1n, [
        { holderId: 'a', share: '1' },
        { holderId: 'a', share: '1' },
      ]),
    ).toThrow(RangeError);
    expect(() => allocateIssuance(1n, [{ holderId: 'a', share: '0' }])).toThrow(RangeError);
  });
});

describe('serial ranges', () => {
  it('allocates consecutive non-overlapping blocks', () => {
    const r = allocateSerialRanges(1001n, [1000n, 0n, 9000n]);
    expect(r).toEqual([{ start: 1001n, end: 2000n }, null, { start: 2001n, end: 11000n }]);
    expect(noOverlap(r.filter((x): x is NonNullable<typeof x> => x !== null))).toBe(true);
  });
  it('splits on partial transfer', () => {
    const { transferred, remaining } = splitSerialRange({ start: 1n, end: 100n }, 30n);
    expect(transferred).toEqual({ start: 1n, end: 30n });
    expect(remaining).toEqual({ start: 31n, end: 100n });
    expect(rangeSize(transferred) + rangeSize(remaining!)).toBe(100n);
    expect(rangesOverlap(transferred, remaining!)).toBe(false);
    expect(splitSerialRange({ start: 1n, end: 5n }, 5n).remaining).toBeNull();
    expect(() => splitSerialRange({ start: 1n, end: 5n }, 6n)).toThrow(RangeError);
  });
  it('detects overlap', () => {
    expect(
      noOverlap([
        { start: 1n, end: 10n },
        { start: 10n, end: 20n },
      ]),
    ).toBe(false);
  });
});

describe('allocateCredits — city-partnerships.md §7.5', () => {
  it('J6: 10,000 issued under an equipment subsidy → Japan 5,000 (≥ ½)', () => {
    const r = allocateCredits({
      issuedT: 10_000,
      governmentRule: { kind: 'EQUIPMENT_SUBSIDY' },
      otherHolders: [{ holderId: 'REP', share: '1' }],
    });
    expect(qty(r)).toEqual({ GOVERNMENT_OF_JAPAN: '5000', REP: '5000' });
  });
  it('J7: F-gas 10,000 credits, partner 1,000, ratio 0.6 → Japan 5,400', () => {
    const r = allocateCredits({
      issuedT: 10_000,
      partnerCountryAllocationT: 1_000,
      governmentRule: { kind: 'F_GAS', subsidyYen: 60_000_000, eligibleCostYen: 100_000_000 },
      otherHolders: [
        { holderId: 'REP', share: '2' },
        { holderId: 'PARTNER_CO', share: '1' },
      ],
      firstSerial: '1',
    });
    expect(qty(r)).toEqual({
      PARTNER_COUNTRY: '1000',
      GOVERNMENT_OF_JAPAN: '5400',
      REP: '2400',
      PARTNER_CO: '1200',
    });
    expect(r.allocations.map((a) => a.serialRange)).toEqual([
      { start: '1', end: '1000' },
      { start: '1001', end: '6400' },
      { start: '6401', end: '8800' },
      { start: '8801', end: '10000' },
    ]);
  });
  it('J8: F-gas ratio 0.4 → Japan 0.5 × 9,000 = 4,500', () => {
    const r = allocateCredits({
      issuedT: '10000',
      partnerCountryAllocationT: '1000',
      governmentRule: { kind: 'F_GAS', subsidyYen: 40, eligibleCostYen: 100 },
      otherHolders: [{ holderId: 'REP', share: '1' }],
    });
    expect(qty(r).GOVERNMENT_OF_JAPAN).toBe('4500');
  });
  it('odd totals: GoJ is never below its share and parts sum to the total', () => {
    const r = allocateCredits({
      issuedT: 12_345,
      governmentRule: { kind: 'EQUIPMENT_SUBSIDY', share: '0.5' },
      otherHolders: [
        { holderId: 'A', share: '1' },
        { holderId: 'B', share: '1' },
      ],
    });
    expect(qty(r)).toEqual({ GOVERNMENT_OF_JAPAN: '6173', A: '3086', B: '3086' });
  });
});
