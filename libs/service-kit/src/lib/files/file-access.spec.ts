import { randomUUID } from 'crypto';
import { DomainError, RequestContext } from '@jcm/contracts';
import { attachRpcMeta } from '../messaging/prefixed-nats';
import { ContextSigner, ContextVerifier } from '../security/context-signature';
import { generateSigningKeyPair, importPrivateKey, importPublicKey } from '../security/signing-keys';
import { answerFileAccess } from './file-access';

const ctx: RequestContext = {
  userId: randomUUID(),
  orgId: randomUUID(),
  orgType: 'MUNICIPALITY',
  role: 'editor',
  correlationId: 'c-1',
};
const SUBJECT = 'partnership.file-access.check';
const keys = generateSigningKeyPair();
const signer = new ContextSigner(importPrivateKey(keys.privateKey));

/** A check as the transport hands it to the service: the caller context signed by the gateway. */
function signed(data: unknown) {
  return attachRpcMeta(
    { ctx, data, auth: signer.sign(SUBJECT, ctx, data) },
    { subject: SUBJECT, verifier: new ContextVerifier({ gatewayKey: importPublicKey(keys.publicKey) }) },
  );
}
const check = { fileId: randomUUID(), ownerKind: 'interest-letter', ownerId: randomUUID() };

describe('answerFileAccess', () => {
  it('answers with the predicate of the record kind, given the caller and the check', async () => {
    const seen: unknown[] = [];
    const reply = await answerFileAccess(signed(check), {
      'interest-letter': async (c, k) => {
        seen.push([c.orgId, k.ownerId, k.fileId]);
        return true;
      },
    });
    expect(reply).toEqual({ ok: true, data: { allowed: true } });
    expect(seen).toEqual([[ctx.orgId, check.ownerId, check.fileId]]);
  });

  it('fails closed: unknown kind, inherited property names, NOT_FOUND and FORBIDDEN are not allowed', async () => {
    const no = { ok: true, data: { allowed: false } };
    expect(
      await answerFileAccess(signed({ ...check, ownerKind: 'proposal' }), {
        'interest-letter': async () => true,
      }),
    ).toEqual(no);
    expect(await answerFileAccess(signed({ ...check, ownerKind: 'constructor' }), {})).toEqual(no);
    for (const code of ['NOT_FOUND', 'FORBIDDEN'] as const) {
      const reply = await answerFileAccess(signed(check), {
        'interest-letter': async () => {
          throw new DomainError(code, 'no');
        },
      });
      expect(reply).toEqual(no);
    }
  });

  it('keeps other failures and bad input as errors', async () => {
    const reply = await answerFileAccess(signed(check), {
      'interest-letter': async () => {
        throw new DomainError('UNAVAILABLE', 'db down');
      },
    });
    expect(reply).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'db down' } });
    const bad = await answerFileAccess(signed({ fileId: 'x' }), {});
    expect(bad.ok).toBe(false);
  });
});
