import { GRANTS_RPC, GrantCallPage, GrantCallView, PublicGrantCallList } from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { jcmCall } from '../testing/grants-fixtures';
import { GrantsHarness } from '../testing/grants-harness';

describe('GrantCallHandler: JCM 公募 (real PostgreSQL + NATS)', () => {
  const h = new GrantsHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('walks draft → published → closed, refusing every other step, with the preset and overrides kept', async () => {
    const draft = await h.call(
      GRANTS_RPC.call.create,
      h.as.gec,
      jcmCall([h.as.reviewer1.userId]),
      GrantCallView,
    );
    expect(draft).toMatchObject({
      state: 'draft',
      presetId: 'JCM_SUBSIDY_FY2021_23',
      budgetYen: 1_000_000_000,
      budgetRemainingYen: 1_000_000_000,
      overrides: { similarProjectCounts: { CHILLER: { TH: 5 } } },
    });
    const move = (action: string) =>
      h.call(GRANTS_RPC.call.transition, h.as.gec, { id: draft.id, action }, GrantCallView);
    expect(
      await h.refusal(GRANTS_RPC.call.transition, h.as.gec, { id: draft.id, action: 'close' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await move('publish')).state).toBe('published');
    expect(
      await h.refusal(GRANTS_RPC.call.transition, h.as.moe, { id: draft.id, action: 'publish' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await move('close')).state).toBe('closed');
    for (const bad of ['publish', 'close'])
      expect(
        await h.refusal(GRANTS_RPC.call.transition, h.as.gec, { id: draft.id, action: bad }),
      ).toMatchObject({ code: 'CONFLICT' });
    expect(await h.outboxTypes('grants.call.')).toEqual([
      'grants.call.created',
      'grants.call.published',
      'grants.call.closed',
    ]);
  });

  it('lets only MOE / GEC manage calls; a draft is NOT_FOUND to others, in the query and under RLS', async () => {
    for (const who of [h.as.company, h.as.kitakyushu])
      expect(await h.refusal(GRANTS_RPC.call.create, who, jcmCall([]))).toMatchObject({ code: 'FORBIDDEN' });
    const draft = await h.call(GRANTS_RPC.call.create, h.as.moe, jcmCall([]), GrantCallView);
    expect(await h.refusal(GRANTS_RPC.call.get, h.as.company, { id: draft.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await h.call(GRANTS_RPC.call.list, h.as.company, {}, GrantCallPage)).items.map((c) => c.id),
    ).not.toContain(draft.id);
    const raw = await queryAs<{ n: number }>(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.company, orgType: 'COMPANY' },
      `SELECT count(*)::int AS n FROM grants.grant_call WHERE state = 'draft'`,
    );
    expect(raw[0].n).toBe(0);
    await h.call(GRANTS_RPC.call.transition, h.as.moe, { id: draft.id, action: 'publish' }, GrantCallView);
    expect(await h.call(GRANTS_RPC.call.get, h.as.company, { id: draft.id }, GrantCallView)).toMatchObject({
      state: 'published',
    });
  });

  it('refuses bad input with field paths and writes nothing; an Idempotency-Key creates once', async () => {
    const before = await h.count('grant_call');
    const bad = await h.refusal(GRANTS_RPC.call.create, h.as.gec, {
      ...jcmCall([]),
      closesAt: '2026-01-01T00:00:00Z',
      budgetYen: -1,
      overrides: { similarProjectCounts: { SOLAR_PV: { th: 1 } } },
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect([...new Set(bad.issues?.map((i) => i.path))].sort()).toEqual([
      'budgetYen',
      'overrides.similarProjectCounts.SOLAR_PV.th',
    ]);
    expect(await h.count('grant_call')).toBe(before);
    const keyed = h.keyed(h.as.gec, 'call-create-1');
    const a = await h.call(GRANTS_RPC.call.create, keyed, jcmCall([]), GrantCallView);
    const b = await h.call(GRANTS_RPC.call.create, keyed, jcmCall([]), GrantCallView);
    expect(b.id).toBe(a.id);
    expect(await h.count('grant_call')).toBe(before + 1);
  });

  it('publishes the open and closed calls without sign-in, never drafts', async () => {
    const list = await h.call(GRANTS_RPC.call.publicList, h.as.company, {}, PublicGrantCallList);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.state !== 'draft')).toBe(true);
  });
});
