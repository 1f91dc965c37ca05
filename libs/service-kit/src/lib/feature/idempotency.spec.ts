import { assertIdempotencyKey, canonicalJson, requestHash } from './idempotency';

describe('idempotency keys', () => {
  it('accepts up to 200 visible ASCII characters and refuses longer or malformed keys with VALIDATION_FAILED', () => {
    expect(() => assertIdempotencyKey('3f2a9c1e-transfer-1')).not.toThrow();
    expect(() => assertIdempotencyKey('k'.repeat(200))).not.toThrow();
    for (const bad of ['k'.repeat(201), '', 'two words', 'キー', 'tab\there']) {
      expect(() => assertIdempotencyKey(bad)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          issues: [expect.objectContaining({ path: 'Idempotency-Key' })],
        }),
      );
    }
  });

  it('hashes the body canonically: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});
