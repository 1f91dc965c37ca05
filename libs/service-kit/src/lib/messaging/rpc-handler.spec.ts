import { z } from 'zod';
import { DomainError } from '@jcm/contracts';
import { ContextSigner, ContextVerifier } from '../security/context-signature';
import { generateSigningKeyPair, importPrivateKey, importPublicKey } from '../security/signing-keys';
import { attachRpcMeta } from './prefixed-nats';
import { handlePublicRpc, handleRpc } from './rpc-handler';

const ctx = {
  userId: '00000000-0000-4000-8000-0000000000aa',
  orgId: '00000000-0000-4000-8000-000000000011',
  orgType: 'MUNICIPALITY',
  role: 'editor',
  correlationId: 'c-1',
} as const;
const Schema = z.object({ amountYen: z.number().int().nonnegative() });
const SUBJECT = 'partnership.partnership.list';
const keys = generateSigningKeyPair();
const signer = new ContextSigner(importPrivateKey(keys.privateKey));
const verifier = () => new ContextVerifier({ gatewayKey: importPublicKey(keys.publicKey) });

/** A request as the transport hands it to a handler: signed by the gateway, arrived on SUBJECT. */
function request(data: unknown, c: object = ctx, v = verifier()) {
  return attachRpcMeta(
    { ctx: c, data, auth: signer.sign(SUBJECT, c as never, data) },
    { subject: SUBJECT, verifier: v },
  );
}

describe('handleRpc', () => {
  it('passes validated data and the caller context to the work', async () => {
    const reply = await handleRpc(
      request({ amountYen: 5 }),
      Schema,
      async (c, d) => `${c.orgType}:${d.amountYen}`,
    );
    expect(reply).toEqual({ ok: true, data: 'MUNICIPALITY:5' });
  });

  it('refuses invalid data with field paths without running the work', async () => {
    const work = jest.fn();
    const reply = await handleRpc(request({ amountYen: 1.5 }), Schema, work);
    expect(work).not.toHaveBeenCalled();
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'amountYen' }] },
    });
  });

  it('refuses a request without a valid caller context', async () => {
    const reply = await handleRpc(
      request({ amountYen: 1 }, { ...ctx, orgType: 'HACKER' }),
      Schema,
      jest.fn(),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'ctx.orgType' }] },
    });
  });

  it('refuses an unsigned context, one that did not come through the transport, and a forged one', async () => {
    const work = jest.fn();
    const unsigned = attachRpcMeta(
      { ctx: { ...ctx, orgType: 'MOE' }, data: { amountYen: 1 } },
      { subject: SUBJECT, verifier: verifier() },
    );
    expect(await handleRpc(unsigned, Schema, work)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await handleRpc(
        { ctx, data: { amountYen: 1 }, auth: signer.sign(SUBJECT, ctx, { amountYen: 1 }) },
        Schema,
        work,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const forged = { ...request({ amountYen: 1 }), ctx: { ...ctx, orgType: 'MOE' } };
    attachRpcMeta(forged, { subject: SUBJECT, verifier: verifier() });
    expect(await handleRpc(forged, Schema, work)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(work).not.toHaveBeenCalled();
  });

  it('carries a DomainError across unchanged, and maps PostgreSQL errors to codes', async () => {
    const domain = await handleRpc(request({ amountYen: 1 }), Schema, async () => {
      throw new DomainError('RULE_VIOLATION', 'over the cap');
    });
    expect(domain).toEqual({ ok: false, error: { code: 'RULE_VIOLATION', message: 'over the cap' } });
    const unique = await handleRpc(request({ amountYen: 1 }), Schema, async () => {
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    expect(unique).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('hides the details of an unexpected error', async () => {
    const reply = await handleRpc(request({ amountYen: 1 }), Schema, async () => {
      throw new Error('connection string postgres://secret@db');
    });
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
  });
});

describe('handlePublicRpc', () => {
  const Empty = z.object({}).strict();

  it('answers an anonymous request (no ctx, no data) and one from a signed-in caller alike', async () => {
    expect(await handlePublicRpc({}, Empty, async () => 'totals')).toEqual({ ok: true, data: 'totals' });
    expect(await handlePublicRpc({ ctx, data: {} }, Empty, async () => 'totals')).toEqual({
      ok: true,
      data: 'totals',
    });
  });

  it('still refuses a malformed context or data, without running the work', async () => {
    const work = jest.fn();
    expect(await handlePublicRpc({ ctx: { ...ctx, orgType: 'HACKER' } }, Empty, work)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'ctx.orgType' }] },
    });
    expect(await handlePublicRpc({ data: { holder: 'x' } }, Empty, work)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(work).not.toHaveBeenCalled();
  });
});
