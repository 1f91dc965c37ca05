import { RequestContext } from '@jcm/contracts';
import { ContextSigner, ContextVerifier, CONTEXT_TTL_MS } from './context-signature';
import { generateSigningKeyPair, importPrivateKey, importPublicKey } from './signing-keys';

const ctx: RequestContext = {
  userId: '00000000-0000-4000-8000-0000000000aa',
  orgId: '00000000-0000-4000-8000-000000000011',
  orgType: 'MUNICIPALITY',
  role: 'editor',
  correlationId: 'c-1',
};
const SUBJECT = 'credits.transfer.create';
const data = { fromAccountId: 'a', quantity: '10', nested: { b: 1, a: [1, { z: 2, y: 3 }] } };

function setup(now = { t: 1_800_000_000_000 }) {
  const gateway = generateSigningKeyPair();
  const clock = () => now.t;
  return {
    now,
    signer: new ContextSigner(importPrivateKey(gateway.privateKey), clock),
    verifier: new ContextVerifier({
      gatewayKey: importPublicKey(gateway.publicKey),
      clock,
      nonceCapacity: 3,
    }),
  };
}

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('ContextSigner / ContextVerifier', () => {
  it('accepts the gateway-signed context for its subject and data, whatever the key order on the wire', () => {
    const { signer, verifier } = setup();
    const token = signer.sign(SUBJECT, ctx, data);
    const reordered = { nested: { a: [1, { y: 3, z: 2 }], b: 1 }, quantity: '10', fromAccountId: 'a' };
    expect(verifier.verify(token, SUBJECT, JSON.parse(JSON.stringify(ctx)), reordered)).toEqual(ctx);
  });

  it('refuses unsigned, expired, replayed and forged contexts', () => {
    const { now, signer, verifier } = setup();
    expect(code(() => verifier.verify(undefined, SUBJECT, ctx, data))).toBe('UNAUTHENTICATED');
    const token = signer.sign(SUBJECT, ctx, data);
    expect(code(() => verifier.verify(token, SUBJECT, ctx, data))).toBe('accepted');
    expect(code(() => verifier.verify(token, SUBJECT, ctx, data))).toBe('FORBIDDEN'); // replay
    const late = signer.sign(SUBJECT, ctx, data);
    now.t += CONTEXT_TTL_MS + 1;
    expect(code(() => verifier.verify(late, SUBJECT, ctx, data))).toBe('UNAUTHENTICATED'); // expired
  });

  it('binds the token to the caller, the subject and the data', () => {
    const { signer, verifier } = setup();
    expect(
      code(() => verifier.verify(signer.sign(SUBJECT, ctx, data), SUBJECT, { ...ctx, orgType: 'MOE' }, data)),
    ).toBe('FORBIDDEN');
    expect(
      code(() => verifier.verify(signer.sign(SUBJECT, ctx, data), 'credits.retirement.create', ctx, data)),
    ).toBe('FORBIDDEN');
    expect(
      code(() =>
        verifier.verify(signer.sign(SUBJECT, ctx, data), SUBJECT, ctx, { ...data, quantity: '10000' }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('refuses a context signed by another key (a service cannot mint a gateway context)', () => {
    const { verifier } = setup();
    const service = new ContextSigner(importPrivateKey(generateSigningKeyPair().privateKey));
    expect(code(() => verifier.verify(service.sign(SUBJECT, ctx, data), SUBJECT, ctx, data))).toBe(
      'FORBIDDEN',
    );
    const [payload] = service.sign(SUBJECT, ctx, data).split('.');
    expect(code(() => verifier.verify(`${payload}.AAAA`, SUBJECT, ctx, data))).toBe('FORBIDDEN');
    expect(code(() => verifier.verify('not-a-token', SUBJECT, ctx, data))).toBe('UNAUTHENTICATED');
  });

  it('refuses everything when no gateway key is configured', () => {
    const { signer } = setup();
    const verifier = new ContextVerifier({ gatewayKey: null });
    expect(code(() => verifier.verify(signer.sign(SUBJECT, ctx, data), SUBJECT, ctx, data))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('keeps a bounded nonce cache: full of live nonces it fails closed, expired ones make room', () => {
    const { now, signer, verifier } = setup();
    for (let i = 0; i < 3; i++)
      expect(code(() => verifier.verify(signer.sign(SUBJECT, ctx, i), SUBJECT, ctx, i))).toBe('accepted');
    expect(code(() => verifier.verify(signer.sign(SUBJECT, ctx, 9), SUBJECT, ctx, 9))).toBe('FORBIDDEN');
    now.t += CONTEXT_TTL_MS + 10_000;
    expect(code(() => verifier.verify(signer.sign(SUBJECT, ctx, 9), SUBJECT, ctx, 9))).toBe('accepted');
  });
});
