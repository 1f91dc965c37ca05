import { randomUUID } from 'crypto';
import {
  AnnualContractView,
  JcmLeadView,
  PARTNERSHIP_RPC,
  PartnershipView,
  RequestContext,
} from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { ProgrammeHarness } from '../testing/programme-harness';

/**
 * One idempotency semantics for every creating mutation (service-kit `runIdempotent`, issue #13 finding 5), on the
 * real PostgreSQL: same key + same body → the first reply and nothing new; same key + other body → CONFLICT;
 * an over-long or malformed key → VALIDATION_FAILED, never ignored.
 */
describe('Idempotency-Key on partnership-service mutations (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const withKey = (ctx: RequestContext, idempotencyKey: string): RequestContext => ({
    ...ctx,
    idempotencyKey,
  });
  const pair = (titleEn: string) => ({
    municipality: h.party.kitakyushu,
    partnerCity: h.party.koror,
    titleJa: '北九州市・コロール州 再エネ',
    titleEn,
    targetFields: ['renewable-energy'],
    targetFieldOther: null,
  });
  const events = (type: string) =>
    queryAs<{ n: number }>(
      h.db.url,
      {},
      `SELECT count(*)::int AS n FROM partnership.outbox WHERE event_type = $1`,
      [type],
    ).then((r) => r[0].n);

  it('answers a retried registration with the first reply, creating one pair and one event', async () => {
    const key = withKey(h.as.kitakyushu, `pair-${randomUUID()}`);
    const [pairsBefore, eventsBefore] = [
      await h.count('partnership'),
      await events('partnership.partnership.created'),
    ];
    const first = await h.call(
      PARTNERSHIP_RPC.partnership.create,
      key,
      pair('Kitakyushu–Koror RE'),
      PartnershipView,
    );
    // Key order on the wire does not make another body.
    const { titleEn, ...rest } = pair('Kitakyushu–Koror RE');
    const retry = await h.call(
      PARTNERSHIP_RPC.partnership.create,
      key,
      { titleEn, ...rest },
      PartnershipView,
    );
    expect(retry).toEqual(first);
    expect(await h.count('partnership')).toBe(pairsBefore + 1);
    expect(await events('partnership.partnership.created')).toBe(eventsBefore + 1);
  });

  it('refuses the same key with another body (CONFLICT) and changes nothing', async () => {
    const key = withKey(h.as.kitakyushu, `pair-${randomUUID()}`);
    await h.call(PARTNERSHIP_RPC.partnership.create, key, pair('First title'), PartnershipView);
    const before = await h.count('partnership');
    expect(await h.refusal(PARTNERSHIP_RPC.partnership.create, key, pair('Another title'))).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'Idempotency-Key' }],
    });
    expect(await h.count('partnership')).toBe(before);
  });

  it('keys per organisation and per operation: another organisation’s or operation’s use of a key is its own', async () => {
    const key = `shared-${randomUUID()}`;
    const a = await h.call(
      PARTNERSHIP_RPC.partnership.create,
      withKey(h.as.kitakyushu, key),
      pair('Org A'),
      PartnershipView,
    );
    const b = await h.call(
      PARTNERSHIP_RPC.partnership.create,
      withKey(h.as.moe, key),
      pair('Org B'),
      PartnershipView,
    );
    expect(b.id).not.toBe(a.id);
    const lead = {
      partnershipId: h.yokohamaBangkok.id,
      titleJa: '横浜市 省エネ',
      titleEn: 'Yokohama efficiency',
      technology: 'High-efficiency chillers',
      estimatedTco2PerYear: '850.25',
      estimatedCostYen: 120_000_000,
      consortium: [],
    };
    const recorded = await h.call(PARTNERSHIP_RPC.jcmLead.record, withKey(h.as.moe, key), lead, JcmLeadView);
    expect(recorded).toMatchObject({ estimatedTco2PerYear: '850.25', estimatedCostYen: 120_000_000 });
  });

  it('refuses an over-long or malformed key with VALIDATION_FAILED and writes nothing', async () => {
    const before = await h.count('partnership');
    for (const bad of ['k'.repeat(201), 'two words', 'キー']) {
      const err = await h.refusal(
        PARTNERSHIP_RPC.partnership.create,
        withKey(h.as.kitakyushu, bad),
        pair('Bad key'),
      );
      expect(err.code).toBe('VALIDATION_FAILED');
    }
    expect(await h.count('partnership')).toBe(before);
    expect(await h.count('idempotency_key')).toBeGreaterThan(0);
  });

  it('applies a contract reduction once per key and refuses the key with another amount instead of answering 200', async () => {
    const { contract } = await h.selectedContract(2);
    await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: contract.id, action: 'sign' },
      AnnualContractView,
    );
    const key = withKey(h.as.moe, `reduce-${randomUUID()}`);
    const cmd = {
      id: contract.id,
      newAmountYen: 15_000_000,
      effectiveDate: '2026-09-01',
      note: '事業内容の変更',
    };
    const reduced = await h.call(PARTNERSHIP_RPC.annualContract.reduce, key, cmd, AnnualContractView);
    expect(await h.call(PARTNERSHIP_RPC.annualContract.reduce, key, cmd, AnnualContractView)).toEqual(
      reduced,
    );
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.reduce, key, { ...cmd, newAmountYen: 14_000_000 }),
    ).toMatchObject({ code: 'CONFLICT' });
    const history = await h.call(
      PARTNERSHIP_RPC.annualContract.get,
      h.as.moe,
      { id: contract.id },
      AnnualContractView,
    );
    expect(history.amountHistory.filter((a) => a.reason === 'REDUCED').map((a) => a.amountYen)).toEqual([
      15_000_000,
    ]);
  });

  it('keeps the stored replies of one organisation out of another’s sight (RLS)', async () => {
    const visible = await queryAs(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.kitakyushu, orgType: 'MUNICIPALITY' },
      'SELECT org_id FROM partnership.idempotency_key',
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible.map((r) => (r as { org_id: string }).org_id))).toEqual(
      new Set([h.org.kitakyushu]),
    );
  });
});
