import { CallPage, CallView, PARTNERSHIP_RPC } from '@jcm/contracts';
import { revertAllMigrations } from '@jcm/service-kit';
import { eventually, migrateForTest, queryAs } from '@jcm/testing';
import { PARTNERSHIP_MIGRATIONS } from '../../migrations';
import { CALL_FY2026 } from '../testing/programme-fixtures';
import { ProgrammeHarness } from '../testing/programme-harness';

describe('CallHandler: 公募 state machine (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('migrates up, down and up again', async () => {
    const opts = { ...h.config, migrations: PARTNERSHIP_MIGRATIONS };
    await h.app.close();
    await revertAllMigrations({ ...opts, role: opts.dbRole, rolePassword: opts.dbRolePassword });
    expect(await queryAs(h.db.url, {}, "SELECT to_regclass('partnership.call_round') AS t")).toEqual([
      { t: null },
    ]);
    await migrateForTest(h.config, PARTNERSHIP_MIGRATIONS);
    expect(
      await queryAs(h.db.url, {}, "SELECT to_regclass('partnership.monthly_report')::text AS t"),
    ).toEqual([{ t: 'partnership.monthly_report' }]);
    await h.stop();
    await h.start();
  });

  it('walks draft → published → closed → under_review → results_published, refusing every other step', async () => {
    const draft = await h.call(
      PARTNERSHIP_RPC.call.create,
      h.as.moe,
      CALL_FY2026('2026-02-02', '2026-03-03'),
      CallView,
    );
    expect(draft).toMatchObject({
      state: 'draft',
      fiscalYear: 2026,
      round: 1,
      presetId: 'C3P_FY2026_CALL1',
      monthlyReportDueDay: 10,
    });
    const move = (action: string) =>
      h.call(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: draft.id, action }, CallView);
    for (const bad of ['close', 'review', 'publish-results']) {
      expect(
        await h.refusal(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: draft.id, action: bad }),
      ).toMatchObject({ code: 'CONFLICT' });
    }
    expect((await move('publish')).state).toBe('published');
    expect(
      await h.refusal(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: draft.id, action: 'publish' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await move('close')).state).toBe('closed');
    expect((await move('review')).state).toBe('under_review');
    expect((await move('publish-results')).state).toBe('results_published');
    for (const bad of ['publish', 'close', 'review', 'publish-results']) {
      expect(
        await h.refusal(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: draft.id, action: bad }),
      ).toMatchObject({ code: 'CONFLICT' });
    }
    const events = await eventually(async () => {
      const rows = await queryAs<{ event_type: string }>(
        h.db.url,
        {},
        `SELECT event_type FROM partnership.outbox WHERE event_type LIKE 'partnership.call.%' ORDER BY created_at`,
      );
      return rows.length >= 5 ? rows : undefined;
    });
    expect(events.map((e) => e.event_type)).toEqual([
      'partnership.call.created',
      'partnership.call.published',
      'partnership.call.closed',
      'partnership.call.review-started',
      'partnership.call.results-published',
    ]);
  });

  it('lets only MOE / the secretariat manage calls; a draft is invisible to everyone else', async () => {
    const body = { ...CALL_FY2026('2026-04-01', '2026-05-01'), round: 2 };
    for (const who of [h.as.company, h.as.yokohama, h.as.bangkok]) {
      expect(await h.refusal(PARTNERSHIP_RPC.call.create, who, body)).toMatchObject({ code: 'FORBIDDEN' });
    }
    const draft = await h.call(PARTNERSHIP_RPC.call.create, h.as.moe, body, CallView);
    expect(await h.refusal(PARTNERSHIP_RPC.call.get, h.as.company, { id: draft.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.call.transition, h.as.company, { id: draft.id, action: 'publish' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const companyList = await h.call(PARTNERSHIP_RPC.call.list, h.as.company, {}, CallPage);
    expect(companyList.items.map((c) => c.id)).not.toContain(draft.id);
    await h.call(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: draft.id, action: 'publish' }, CallView);
    expect(await h.call(PARTNERSHIP_RPC.call.get, h.as.bangkok, { id: draft.id }, CallView)).toMatchObject({
      state: 'published',
    });
  });

  it('refuses a duplicate round, a window that closes before it opens, and filters/sorts/pages on the server', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.call.create, h.as.moe, CALL_FY2026('2026-02-02', '2026-03-03')),
    ).toMatchObject({ code: 'CONFLICT' });
    const bad = await h.refusal(PARTNERSHIP_RPC.call.create, h.as.moe, {
      ...CALL_FY2026('2026-03-03', '2026-02-02'),
      round: 3,
    });
    expect(bad.issues?.map((i) => i.path)).toEqual(['closesOn']);
    await h.call(
      PARTNERSHIP_RPC.call.create,
      h.as.moe,
      { ...CALL_FY2026('2025-02-01', '2025-03-01'), fiscalYear: 2025 },
      CallView,
    );
    const fy2026 = await h.call(
      PARTNERSHIP_RPC.call.list,
      h.as.moe,
      { fiscalYear: 2026, sort: 'closesOn' },
      CallPage,
    );
    expect(fy2026.items.map((c) => c.closesOn)).toEqual(['2026-03-03', '2026-05-01']);
    const paged = await h.call(
      PARTNERSHIP_RPC.call.list,
      h.as.moe,
      { limit: 1, offset: 1, sort: '-fiscalYear' },
      CallPage,
    );
    expect(paged).toMatchObject({ total: 3 });
    expect(paged.items).toHaveLength(1);
    const raw = await queryAs<{ n: number }>(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.company, orgType: 'COMPANY' },
      'SELECT count(*)::int AS n FROM partnership.call_round',
    );
    expect(raw[0].n).toBe(2); // RLS: the FY2025 draft stays hidden from a company at the database too
  });
});
