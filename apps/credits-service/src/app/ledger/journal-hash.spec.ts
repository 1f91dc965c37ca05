import { canonicalJson, chainHash, GENESIS_HASH, requestFingerprint } from './journal-hash';

describe('journal hash canonicalisation', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('gives the same hash whatever the key order (as after a jsonb round-trip)', () => {
    const one = {
      seq: 1,
      kind: 'ISSUANCE',
      lines: [
        { accountId: 'a', quantity: '-5' },
        { accountId: 'b', quantity: '5' },
      ],
    };
    const two = JSON.parse(
      '{"lines":[{"quantity":"-5","accountId":"a"},{"quantity":"5","accountId":"b"}],"kind":"ISSUANCE","seq":1}',
    );
    expect(chainHash(GENESIS_HASH, one)).toBe(chainHash(GENESIS_HASH, two));
  });

  it('changes when the previous hash or any content changes', () => {
    const content = { seq: 2, quantity: '10' };
    const h = chainHash(GENESIS_HASH, content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), content)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { seq: 2, quantity: '11' })).not.toBe(h);
  });

  it('escapes strings and refuses non-integer numbers (tonnes travel as strings)', () => {
    expect(canonicalJson({ name: 'Ulaanbaatar "UB"\n' })).toBe('{"name":"Ulaanbaatar \\"UB\\"\\n"}');
    expect(() => canonicalJson({ quantity: 0.1 })).toThrow(/safe integers/);
    expect(() => canonicalJson({ quantity: 2 ** 60 })).toThrow(/safe integers/);
  });

  it('fingerprints requests independently of key order', () => {
    expect(requestFingerprint('transfer', { a: '1', b: '2' })).toBe(
      requestFingerprint('transfer', { b: '2', a: '1' }),
    );
    expect(requestFingerprint('transfer', { a: '1' })).not.toBe(requestFingerprint('retirement', { a: '1' }));
  });
});
