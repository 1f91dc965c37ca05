import { AnnualContractView, MonthlyReportPage, MonthlyReportView, PARTNERSHIP_RPC } from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { ProgrammeHarness } from '../testing/programme-harness';
import { isOverdue } from './monthly-report.service';

describe('MonthlyReportHandler: 月次報告 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  let april: MonthlyReportView;
  let may: MonthlyReportView;
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
    await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: contract.id, action: 'sign' },
      AnnualContractView,
    );
    const page = await h.call(
      PARTNERSHIP_RPC.monthlyReport.list,
      h.as.company,
      { contractId: contract.id, limit: 2 },
      MonthlyReportPage,
    );
    [april, may] = page.items;
  });
  afterAll(() => h.stop());

  const edit = {
    progressText: 'バンコク都と廃棄物発電の現地調査を実施。',
    upcoming: [{ date: '2026-05-20', kind: 'SURVEY', description: '現地調査（第2回）' }],
  };

  it('lets only the contractor edit and submit; refuses an empty report', async () => {
    for (const who of [h.as.yokohama, h.as.bangkok, h.as.moe, h.as.companyViewer]) {
      expect(
        await h.refusal(PARTNERSHIP_RPC.monthlyReport.update, who, { id: april.id, ...edit }),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.submit, h.as.company, { id: april.id }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const drafted = await h.call(
      PARTNERSHIP_RPC.monthlyReport.update,
      h.as.company,
      { id: april.id, ...edit },
      MonthlyReportView,
    );
    expect(drafted).toMatchObject({ state: 'draft', upcoming: edit.upcoming });
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.acknowledge, h.as.yokohama, { id: april.id }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await h.call(PARTNERSHIP_RPC.monthlyReport.submit, h.as.company, { id: april.id }, MonthlyReportView))
        .state,
    ).toBe('submitted');
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.update, h.as.company, {
        id: april.id,
        progressText: 'x',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.submit, h.as.company, { id: april.id }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets the municipality return with a comment; the contractor fixes and resubmits; the municipality acknowledges', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.return, h.as.bangkok, { id: april.id, comment: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.return, h.as.company, { id: april.id, comment: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const returned = await h.call(
      PARTNERSHIP_RPC.monthlyReport.return,
      h.as.yokohama,
      { id: april.id, comment: '調査結果の数値を追記してください。' },
      MonthlyReportView,
    );
    expect(returned).toMatchObject({
      state: 'returned',
      returnComment: '調査結果の数値を追記してください。',
    });
    await h.call(
      PARTNERSHIP_RPC.monthlyReport.update,
      h.as.company,
      { id: april.id, progressText: `${edit.progressText} 対象施設3か所。` },
      MonthlyReportView,
    );
    expect(
      (await h.call(PARTNERSHIP_RPC.monthlyReport.submit, h.as.company, { id: april.id }, MonthlyReportView))
        .state,
    ).toBe('resubmitted');
    const ack = await h.call(
      PARTNERSHIP_RPC.monthlyReport.acknowledge,
      h.as.yokohama,
      { id: april.id },
      MonthlyReportView,
    );
    expect(ack.state).toBe('acknowledged');
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.return, h.as.moe, { id: april.id, comment: 'x' }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets MOE acknowledge too, and the partner city read but not act', async () => {
    await h.call(
      PARTNERSHIP_RPC.monthlyReport.update,
      h.as.company,
      { id: may.id, ...edit },
      MonthlyReportView,
    );
    await h.call(PARTNERSHIP_RPC.monthlyReport.submit, h.as.company, { id: may.id }, MonthlyReportView);
    await expect(
      h.call(PARTNERSHIP_RPC.monthlyReport.get, h.as.bangkok, { id: may.id }, MonthlyReportView),
    ).resolves.toMatchObject({ state: 'submitted' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.acknowledge, h.as.bangkok, { id: may.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await h.call(PARTNERSHIP_RPC.monthlyReport.acknowledge, h.as.moe, { id: may.id }, MonthlyReportView))
        .state,
    ).toBe('acknowledged');
  });

  it('computes overdue against the day passed in and filters on it in the database', async () => {
    expect(isOverdue('draft', '2026-07-10', '2026-07-11')).toBe(true);
    expect(isOverdue('draft', '2026-07-10', '2026-07-10')).toBe(false);
    expect(isOverdue('submitted', '2026-07-10', '2026-08-01')).toBe(false);
    const q = (asOf: string) =>
      h.call(
        PARTNERSHIP_RPC.monthlyReport.list,
        h.as.company,
        { contractId: contract.id, overdue: 'true', asOf },
        MonthlyReportPage,
      );
    expect((await q('2026-07-11')).items.map((r) => r.month)).toEqual(['2026-06']);
    expect((await q('2026-05-11')).total).toBe(0); // April and May were acknowledged
    expect((await q('2027-05-01')).total).toBe(10);
    const notOverdue = await h.call(
      PARTNERSHIP_RPC.monthlyReport.list,
      h.as.moe,
      { overdue: false, asOf: '2026-07-11', sort: '-dueDate', limit: 1 },
      MonthlyReportPage,
    );
    expect(notOverdue).toMatchObject({ total: 11, items: [{ month: '2027-03', overdue: false }] });
  });

  it('hides every report from Kitakyushu (404, empty list, and at the database)', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.monthlyReport.get, h.as.kitakyushu, { id: april.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.call(PARTNERSHIP_RPC.monthlyReport.list, h.as.kitakyushu, {}, MonthlyReportPage)).toEqual({
      items: [],
      total: 0,
    });
    const raw = await queryAs(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.kitakyushu, orgType: 'MUNICIPALITY' },
      'SELECT id FROM partnership.monthly_report',
    );
    expect(raw).toEqual([]);
  });
});
