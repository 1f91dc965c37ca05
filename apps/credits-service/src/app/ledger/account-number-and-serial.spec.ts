import {
  accountCheckDigits,
  formatAccountNumber,
  formatSerial,
  isValidAccountNumber,
  parseSerial,
  serialQuantity,
} from '@jcm/contracts';

describe('account numbers (ISO 7064 MOD 97-10)', () => {
  it('formats registry, type digit, sequence and check digits', () => {
    const n = formatAccountNumber('JP', 'ENTITY_HOLDING', 42n);
    expect(n).toMatch(/^JP-2000000042-\d{2}$/);
    expect(isValidAccountNumber(n)).toBe(true);
  });

  it('matches the IBAN arithmetic: (digits ‖ check) mod 97 = 1', () => {
    const check = accountCheckDigits('JP', '1000000001');
    const full = BigInt('1925' + '1000000001' + check);
    expect(full % 97n).toBe(1n);
  });

  it('rejects every single-digit change and an adjacent transposition', () => {
    const n = formatAccountNumber('MN', 'GOVERNMENT_HOLDING', 123_456n);
    for (let i = 3; i < n.length; i++) {
      if (n[i] === '-') continue;
      const wrong = n.slice(0, i) + String((Number(n[i]) + 1) % 10) + n.slice(i + 1);
      expect(isValidAccountNumber(wrong)).toBe(false);
    }
    const swapped = n.slice(0, 8) + n[9] + n[8] + n.slice(10);
    if (swapped !== n) expect(isValidAccountNumber(swapped)).toBe(false);
    expect(isValidAccountNumber('JP-200000004-11')).toBe(false);
  });
});

describe('credit block serials', () => {
  it('round-trips registry, project, vintage and unit range', () => {
    const serial = formatSerial({
      registry: 'JP',
      project: 'MN001',
      vintage: 2024,
      firstUnit: 1n,
      lastUnit: 5_000n,
    });
    expect(serial).toBe('JP-MN001-2024-1-5000');
    expect(parseSerial(serial)).toEqual({
      registry: 'JP',
      project: 'MN001',
      vintage: 2024,
      firstUnit: 1n,
      lastUnit: 5_000n,
    });
    expect(serialQuantity(parseSerial(serial)!)).toBe(5_000n);
  });

  it('holds a million tonnes in one serial and beyond 2^53 exactly', () => {
    const big = formatSerial({
      registry: 'JP',
      project: 'ID012',
      vintage: 2030,
      firstUnit: 9_007_199_254_740_993n,
      lastUnit: 9_007_199_255_740_992n,
    });
    expect(serialQuantity(parseSerial(big)!)).toBe(1_000_000n);
  });

  it('refuses malformed or inverted ranges', () => {
    expect(parseSerial('JP-MN001-2024-10-9')).toBeNull();
    expect(parseSerial('JP-MN-001-2024-1-9')).toBeNull();
    expect(parseSerial('JP-MN001-2024-0-9')).toBeNull();
    expect(() =>
      formatSerial({ registry: 'JP', project: 'MN001', vintage: 2024, firstUnit: 5n, lastUnit: 4n }),
    ).toThrow();
  });
});
