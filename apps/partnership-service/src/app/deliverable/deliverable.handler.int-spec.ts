import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import { AnnualContractView, DeliverablePage, DeliverableView, PARTNERSHIP_RPC } from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { CreateYearEndRecords1767225600006 } from '../../migrations/1767225600006-CreateYearEndRecords';
import { ProgrammeHarness } from '../testing/programme-harness';
import { CITED, eventsOf } from '../testing/year-end-assertions';

describe('DeliverableHandler: 成果物 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  let items: DeliverableView[];
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
  });
  afterAll(() => h.stop());

  const move = (action: string, ctx = h.as.moe) =>
    h.call(PARTNERSHIP_RPC.annualContract.transition, ctx, { id: contract.id, action }, AnnualContractView);

  it('creates the required checklist of 表3 ① with the contract, in that order, readable by every participant', async () => {
    const page = await h.call(
      PARTNERSHIP_RPC.deliverable.list,
      h.as.bangkok,
      { contractId: contract.id },
      DeliverablePage,
    );
    items = page.items;
    expect(items.map((d) => [d.kind, d.titleJa, d.required, d.state])).toEqual([
      ['WORK_REPORT_JA_PAPER', '業務報告書（日本語版・紙媒体）', true, 'pending'],
      ['SUMMARY_PPT_JA', '概要版（日本語・PPT形式）', true, 'pending'],
      ['SUMMARY_PPT_EN', '概要版（英語・PPT形式）', true, 'pending'],
      ['ELECTRONIC_MEDIA_DVD_R', '電子データ（電子媒体 DVD-R）', true, 'pending'],
    ]);
  });

  it('accepts a submission from the contractor only, once work has started, with a reference', async () => {
    const report = items[0].id;
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.submit, h.as.company, { id: report, fileRef: 'r.pdf' }),
    ).toMatchObject({ code: 'CONFLICT' });
    await move('sign');
    await h.heldMeeting(contract.id, 'KICKOFF', '2026-04-20');
    await move('report-kickoff');
    await move('start-work');
    for (const who of [h.as.moe, h.as.yokohama, h.as.bangkok, h.as.companyViewer]) {
      expect(
        await h.refusal(PARTNERSHIP_RPC.deliverable.submit, who, { id: report, fileRef: 'r.pdf' }),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await h.refusal(PARTNERSHIP_RPC.deliverable.submit, h.as.company, { id: report })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'fileRef' }],
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.submit, h.as.company, { id: report, url: 'nope' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'url' }] });
    const sent = await h.call(
      PARTNERSHIP_RPC.deliverable.submit,
      h.as.company,
      { id: report, note: '紙媒体2部を郵送（2027-03-10）' },
      DeliverableView,
    );
    expect(sent).toMatchObject({ state: 'submitted', note: '紙媒体2部を郵送（2027-03-10）' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.submit, h.as.company, { id: report, fileRef: 'again' }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets MOE return an item to pending with a comment, and accept the resubmission', async () => {
    const report = items[0].id;
    for (const who of [h.as.company, h.as.yokohama]) {
      expect(await h.refusal(PARTNERSHIP_RPC.deliverable.accept, who, { id: report })).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const returned = await h.call(
      PARTNERSHIP_RPC.deliverable.return,
      h.as.moe,
      { id: report, comment: '英文要約を巻末に追加してください。' },
      DeliverableView,
    );
    expect(returned).toMatchObject({ state: 'pending', returnComment: '英文要約を巻末に追加してください。' });
    expect(await h.refusal(PARTNERSHIP_RPC.deliverable.accept, h.as.moe, { id: report })).toMatchObject({
      code: 'CONFLICT',
    });
    await h.call(
      PARTNERSHIP_RPC.deliverable.submit,
      h.as.company,
      { id: report, fileRef: 'deliverables/report-v2.pdf' },
      DeliverableView,
    );
    const accepted = await h.call(
      PARTNERSHIP_RPC.deliverable.accept,
      h.as.moe,
      { id: report },
      DeliverableView,
    );
    expect(accepted).toMatchObject({
      state: 'accepted',
      returnComment: null,
      fileRef: 'deliverables/report-v2.pdf',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.return, h.as.moe, { id: report, comment: 'x' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(h, report)).toEqual([
      'partnership.deliverable.submitted',
      'partnership.deliverable.returned',
      'partnership.deliverable.submitted',
      'partnership.deliverable.accepted',
    ]);
  });

  it('refuses the contract’s submit-deliverables while required items are pending, naming them; then settle needs an accepted 精算報告', async () => {
    await h.heldMeeting(contract.id, 'INTERIM', '2026-10-15');
    await move('report-interim');
    await h.heldMeeting(contract.id, 'FINAL', '2026-11-02');
    await move('report-final');
    await h.call(
      PARTNERSHIP_RPC.deliverable.submit,
      h.as.company,
      { id: items[1].id, fileRef: 'summary-ja.pptx' },
      DeliverableView,
    );
    const before = await h.count('outbox');
    const refused = await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.company, {
      id: contract.id,
      action: 'submit-deliverables',
    });
    expect(refused).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'C3P-DL1', message: expect.stringMatching(CITED) }],
    });
    expect(refused.issues?.[0].message).toContain(
      '未提出の成果物があります: 概要版（英語・PPT形式）、電子データ（電子媒体 DVD-R）。',
    );
    expect(refused.issues?.[0].message).toContain('Summary (English, PPT), Electronic data (DVD-R)');
    expect(await h.count('outbox')).toBe(before);
    await h.call(
      PARTNERSHIP_RPC.deliverable.submit,
      h.as.company,
      { id: items[2].id, fileRef: 'summary-en.pptx' },
      DeliverableView,
    );
    await h.call(
      PARTNERSHIP_RPC.deliverable.submit,
      h.as.company,
      { id: items[3].id, note: 'DVD-R 1枚を郵送' },
      DeliverableView,
    );
    expect((await move('submit-deliverables', h.as.company)).state).toBe('deliverables_submitted');
    const settle = await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.moe, {
      id: contract.id,
      action: 'settle',
    });
    expect(settle).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'C3P-ST2', message: expect.stringMatching(CITED) }],
    });
  });

  it('hides the checklist from Kitakyushu (404, empty list, and at the database)', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.get, h.as.kitakyushu, { id: items[0].id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.deliverable.accept, h.as.kitakyushu, { id: items[1].id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.call(PARTNERSHIP_RPC.deliverable.list, h.as.kitakyushu, {}, DeliverablePage)).toEqual({
      items: [],
      total: 0,
    });
    const raw = await queryAs(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.kitakyushu, orgType: 'MUNICIPALITY' },
      'SELECT id FROM partnership.deliverable',
    );
    expect(raw).toEqual([]);
  });

  it('gives contracts that predate the migration their checklist (down and up inside a rolled-back transaction)', async () => {
    const client = new Client({ connectionString: h.db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      const runner = {
        query: (sql: string) => client.query(sql).then((r) => r.rows),
      } as unknown as QueryRunner;
      const migration = new CreateYearEndRecords1767225600006();
      await migration.down(runner);
      await migration.up(runner);
      const { rows } = await client.query(
        `SELECT kind, state, participant_org_ids FROM partnership.deliverable WHERE contract_id = $1`,
        [contract.id],
      );
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.state === 'pending' && r.participant_org_ids.includes(h.org.bangkok))).toBe(
        true,
      );
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
