import {
  ApplicationCheck,
  ApplicationPage,
  ApplicationSaved,
  ApplicationVersionList,
  ApplicationView,
  GRANTS_RPC,
  GrantCallView,
} from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { AFTER_WINDOW, consortium, INSIDE_WINDOW, jcmCall, thaiPvChiller } from '../testing/grants-fixtures';
import { GrantsHarness } from '../testing/grants-harness';

describe('ApplicationHandler: drafts, live findings, submission (real PostgreSQL + NATS)', () => {
  const h = new GrantsHarness();
  let call: GrantCallView;
  const create = (content = thaiPvChiller()) =>
    h.call(
      GRANTS_RPC.application.create,
      h.as.company,
      { callId: call.id, formKind: 'A', consortium: consortium(h.org.company, h.org.thai), content },
      ApplicationSaved,
    );

  beforeAll(async () => {
    await h.start();
    call = await h.call(
      GRANTS_RPC.call.create,
      h.as.gec,
      jcmCall([h.as.reviewer1.userId, h.as.reviewer2.userId]),
      GrantCallView,
    );
    call = await h.call(
      GRANTS_RPC.call.transition,
      h.as.gec,
      { id: call.id, action: 'publish' },
      GrantCallView,
    );
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    h.now = INSIDE_WINDOW;
  });

  it('computes the caps from the call preset by country × technology and cites the ¥2,500/t finding next to its field', async () => {
    const { application, check } = await create();
    expect(application).toMatchObject({
      state: 'draft',
      version: 1,
      countries: ['TH'],
      technologyIds: ['SOLAR_PV', 'CHILLER'],
    });
    expect(check.figures.technologies).toEqual([
      expect.objectContaining({
        technologyId: 'SOLAR_PV',
        similarProjects: 15,
        rateCap: '0.3',
        maxSubsidyYen: 300_000_000,
        totalReductionT: '98720',
        costEffectivenessYenPerT: 3039,
        costEffectivenessThresholdYenPerT: 2500,
        gridEmissionFactor: '0.319',
      }),
      expect.objectContaining({
        technologyId: 'CHILLER',
        similarProjects: 5,
        rateCap: '0.3',
        maxSubsidyYen: 60_000_000,
        costEffectivenessThresholdYenPerT: 3000,
        gridEmissionFactor: '0.5664',
      }),
    ]);
    expect(check.figures).toMatchObject({ maxSubsidyYen: 360_000_000, adminCostCapYen: expect.any(Number) });
    const ce = check.findings.find((f) => f.ruleId === 'R-EVAL-04' && f.severity === 'error');
    expect(ce).toMatchObject({ path: 'requestedSubsidyYen', source: expect.stringContaining('R-EVAL-04') });
    expect(ce?.message_ja).toMatch(/円/);
    expect(ce?.message_en).toMatch(/2,?500/);
    // the Thai co-implementer has not confirmed yet (R-APP-02, warning next to its consortium row)
    expect(check.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'R-APP-02', severity: 'warning', path: 'consortium.1' }),
    );
    const again = await h.call(
      GRANTS_RPC.application.check,
      h.as.company,
      { id: application.id },
      ApplicationCheck,
    );
    expect(again).toEqual(check);
  });

  it('autosaves by merge (fields not sent are kept), keeps versions, refuses a stale base version and bad input with paths', async () => {
    const { application } = await create();
    const saved = await h.call(
      GRANTS_RPC.application.save,
      h.as.company,
      {
        id: application.id,
        baseVersion: 1,
        patch: { form: { background: '株式会社○○とPT. △△が協議した。' } },
      },
      ApplicationSaved,
    );
    expect(saved.application.version).toBe(2);
    expect(saved.application.content.form.titleJa).toBe(application.content.form.titleJa);
    expect(saved.application.content.technologies).toHaveLength(2);
    expect(
      await h.refusal(GRANTS_RPC.application.save, h.as.company, {
        id: application.id,
        baseVersion: 1,
        patch: { requestedSubsidyYen: 1 },
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const bad = await h.refusal(GRANTS_RPC.application.save, h.as.company, {
      id: application.id,
      baseVersion: 2,
      patch: {
        technologies: [
          {
            technologyId: 'SOLAR_PV',
            country: 'Thailand',
            eligibleCostYen: 1.5,
            annualReductionT: '1e3',
            usefulLifeYears: 8,
          },
        ],
      },
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues?.map((i) => i.path).sort()).toEqual([
      'technologies.0.annualReductionT',
      'technologies.0.country',
      'technologies.0.eligibleCostYen',
    ]);
    const versions = await h.call(
      GRANTS_RPC.application.versions,
      h.as.company,
      { id: application.id },
      ApplicationVersionList,
    );
    expect(versions.items.map((v) => [v.version, v.reason, v.changedPaths])).toEqual([
      [1, 'created', []],
      [2, 'saved', ['form.background']],
    ]);
    expect(
      (await h.call(GRANTS_RPC.application.get, h.as.company, { id: application.id }, ApplicationView))
        .version,
    ).toBe(2);
  });

  it('refuses submission with error findings (paths named), after the window, and freezes a submitted application', async () => {
    const { application } = await create();
    const withErrors = await h.refusal(GRANTS_RPC.application.submit, h.as.company, { id: application.id });
    expect(withErrors.code).toBe('VALIDATION_FAILED');
    expect(withErrors.issues?.map((i) => i.path)).toContain('requestedSubsidyYen');
    const fixed = await h.call(
      GRANTS_RPC.application.save,
      h.as.company,
      { id: application.id, baseVersion: 1, patch: thaiPvChiller('20000') },
      ApplicationSaved,
    );
    expect(fixed.check.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(fixed.check.figures.technologies[0]).toMatchObject({
      totalReductionT: '160000',
      costEffectivenessYenPerT: 1875,
    });
    h.now = AFTER_WINDOW;
    expect(
      await h.refusal(GRANTS_RPC.application.submit, h.as.company, { id: application.id }),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('R-APP-11') });
    h.now = INSIDE_WINDOW;
    const submitted = await h.call(
      GRANTS_RPC.application.submit,
      h.keyed(h.as.company, 'submit-1'),
      { id: application.id },
      ApplicationView,
    );
    expect(submitted).toMatchObject({
      state: 'submitted',
      version: 3,
      submittedAt: INSIDE_WINDOW.toISOString(),
    });
    expect(
      await h.call(
        GRANTS_RPC.application.submit,
        h.keyed(h.as.company, 'submit-1'),
        { id: application.id },
        ApplicationView,
      ),
    ).toEqual(submitted);
    expect(
      await h.refusal(GRANTS_RPC.application.save, h.as.company, {
        id: application.id,
        baseVersion: 3,
        patch: { requestedSubsidyYen: 1 },
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await h.refusal(GRANTS_RPC.application.submit, h.as.company, { id: application.id }),
    ).toMatchObject({ code: 'CONFLICT' });
    const submittedEvents = await queryAs<{ n: number }>(
      h.db.url,
      {},
      `SELECT count(*)::int AS n FROM grants.outbox WHERE event_type = 'grants.application.submitted' AND envelope->'data'->>'id' = $1`,
      [application.id],
    );
    expect(submittedEvents[0].n).toBe(1);
  });

  it('shows an application to its consortium and oversight only; a municipality and another company get 404, a viewer cannot edit', async () => {
    const { application } = await create();
    for (const who of [h.as.kitakyushu, h.as.otherCompany, h.as.consultant]) {
      expect(await h.refusal(GRANTS_RPC.application.get, who, { id: application.id })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        await h.refusal(GRANTS_RPC.application.save, who, { id: application.id, baseVersion: 1, patch: {} }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect((await h.call(GRANTS_RPC.application.list, who, {}, ApplicationPage)).total).toBe(0);
    }
    const rls = await queryAs<{ n: number }>(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.otherCompany, orgType: 'COMPANY' },
      'SELECT count(*)::int AS n FROM grants.application',
    );
    expect(rls[0].n).toBe(0);
    expect(
      (await h.call(GRANTS_RPC.application.get, h.as.thai, { id: application.id }, ApplicationView)).id,
    ).toBe(application.id);
    expect(
      (await h.call(GRANTS_RPC.application.get, h.as.gec, { id: application.id }, ApplicationView)).id,
    ).toBe(application.id);
    expect(
      await h.refusal(GRANTS_RPC.application.save, h.as.companyViewer, {
        id: application.id,
        baseVersion: 1,
        patch: {},
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(GRANTS_RPC.application.save, h.as.gec, {
        id: application.id,
        baseVersion: 1,
        patch: {},
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const confirmed = await h.call(
      GRANTS_RPC.application.confirm,
      h.as.thai,
      { id: application.id },
      ApplicationView,
    );
    expect(confirmed.consortium.every((c) => c.confirmedAt !== null)).toBe(true);
  });

  it('代理申請: a delegate sees and edits only the delegated application until the end date, recorded as acting for the representative', async () => {
    const { application } = await create();
    const other = (await create()).application;
    expect(
      await h.refusal(GRANTS_RPC.application.delegate, h.as.thai, {
        id: application.id,
        delegateOrgId: h.org.consultant,
        until: '2026-07-31',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await h.call(
      GRANTS_RPC.application.delegate,
      h.as.company,
      { id: application.id, delegateOrgId: h.org.consultant, until: '2026-07-31' },
      ApplicationView,
    );
    const list = await h.call(GRANTS_RPC.application.list, h.as.consultant, {}, ApplicationPage);
    expect(list.items.map((a) => a.id)).toEqual([application.id]);
    expect(await h.refusal(GRANTS_RPC.application.get, h.as.consultant, { id: other.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    await h.call(
      GRANTS_RPC.application.save,
      h.as.consultant,
      { id: application.id, baseVersion: 1, patch: { requestedSubsidyYen: 100_000_000 } },
      ApplicationSaved,
    );
    const versions = await h.call(
      GRANTS_RPC.application.versions,
      h.as.company,
      { id: application.id },
      ApplicationVersionList,
    );
    expect(versions.items[1]).toMatchObject({ actorOrgId: h.org.consultant, onBehalfOfOrgId: h.org.company });
    h.now = new Date('2026-08-01T00:00:00Z');
    expect(
      await h.refusal(GRANTS_RPC.application.get, h.as.consultant, { id: application.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.call(GRANTS_RPC.application.list, h.as.consultant, {}, ApplicationPage)).total).toBe(0);
  });

  it('refuses an application to a draft call, a caller outside its consortium and two representatives, writing nothing', async () => {
    const draftCall = await h.call(GRANTS_RPC.call.create, h.as.gec, jcmCall([]), GrantCallView);
    const before = await h.count('application');
    const body = { callId: draftCall.id, consortium: consortium(h.org.company, h.org.thai) };
    expect(await h.refusal(GRANTS_RPC.application.create, h.as.company, body)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await h.refusal(GRANTS_RPC.application.create, h.as.otherCompany, { ...body, callId: call.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const two = consortium(h.org.company, h.org.thai).map((m) => ({ ...m, role: 'REPRESENTATIVE' }));
    expect(
      await h.refusal(GRANTS_RPC.application.create, h.as.company, { callId: call.id, consortium: two }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'consortium' }] });
    expect(await h.count('application')).toBe(before);
  });
});
