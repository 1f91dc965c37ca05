import { governmentQuantity, splitIssuance } from './issuance-allocation';

describe('issuance split (配分)', () => {
  it('gives half of 10,000 t to the Government of Japan and the rest to one participant account', () => {
    expect(splitIssuance(10_000n, '0.5', [{ accountId: 'p' }])).toEqual({
      ok: true,
      split: { government: 5_000n, participants: [{ accountId: 'p', quantity: 5_000n }] },
    });
  });

  it('never leaves Japan below its share: the odd tonne is rounded up to the government', () => {
    expect(governmentQuantity(10_001n, '0.5')).toBe(5_001n);
    expect(governmentQuantity(3n, '0')).toBe(0n);
    expect(governmentQuantity(1_000_000_000_000n, '1')).toBe(1_000_000_000_000n);
  });

  it('requires explicit quantities to add up to the participants’ part', () => {
    const ok = splitIssuance(10_000n, '0.5', [
      { accountId: 'a', quantity: '3000' },
      { accountId: 'b', quantity: '2000' },
    ]);
    expect(ok.ok).toBe(true);
    const bad = splitIssuance(10_000n, '0.5', [
      { accountId: 'a', quantity: '3000' },
      { accountId: 'b', quantity: '1000' },
    ]);
    expect(bad).toEqual({ ok: false, reason: expect.stringContaining('sum to 4000 t but 5000 t remain') });
  });
});
