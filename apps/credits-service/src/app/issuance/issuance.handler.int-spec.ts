import { connect, NatsConnection } from 'nats';
import {
  AccountPage,
  AccountView,
  CreditBlockPage,
  CREDITS_RPC,
  IssuanceView,
  LedgerVerification,
  parseSerial,
  PublicSummary,
} from '@jcm/contracts';
import { ctxFor, eventually, queryAs, TEST_NATS_URL } from '@jcm/testing';
import { issuanceFor, startCreditsWorld, stopCreditsWorld, CreditsWorld } from '../../testing/credits-world';

describe('Issuance, accounts and the public view (real PostgreSQL + NATS)', () => {
  let w: CreditsWorld;
  let nc: NatsConnection;
  let issued: IssuanceView;

  beforeAll(async () => {
    w = await startCreditsWorld();
    nc = await connect({ servers: TEST_NATS_URL });
    issued = await w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w), IssuanceView);
  });

  afterAll(async () => {
    await nc?.close();
    await stopCreditsWorld(w);
  });

  it('splits 10,000 t with a ½ government share into 5,000 t for Japan and 5,000 t for the participant', async () => {
    expect(issued).toMatchObject({
      quantity: '10000',
      governmentQuantity: '5000',
      participantQuantity: '5000',
    });
    expect(issued.blocks.map((b) => [b.accountId, b.serial, b.quantity])).toEqual([
      [w.accounts.government.id, 'JP-MN001-2023-1-5000', '5000'],
      [w.accounts.companyA.id, 'JP-MN001-2023-5001-10000', '5000'],
    ]);
    const gov = await w.call(
      CREDITS_RPC.account.get,
      w.ctx.moe,
      { id: w.accounts.government.id },
      AccountView,
    );
    const a = await w.call(
      CREDITS_RPC.account.get,
      w.ctx.companyA,
      { id: w.accounts.companyA.id },
      AccountView,
    );
    expect([gov.balance, a.balance]).toEqual(['5000', '5000']);
  });

  it('numbers units per project without overlap or gap across issuances, one row per holding', async () => {
    const second = await w.call(
      CREDITS_RPC.issuance.create,
      w.ctx.moe,
      issuanceFor(w, {
        monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
        vintage: 2024,
        quantity: '1000001',
        participantAllocations: [
          { accountId: w.accounts.companyA.id, quantity: '300000' },
          { accountId: w.accounts.companyB.id, quantity: '200000' },
        ],
      }),
      IssuanceView,
    );
    // Japan is never below its share: the odd tonne of 1,000,001 × ½ goes to the government.
    expect(second.governmentQuantity).toBe('500001');
    expect(second.blocks.map((b) => b.serial)).toEqual([
      'JP-MN001-2024-10001-510001',
      'JP-MN001-2024-510002-810001',
      'JP-MN001-2024-810002-1010001',
    ]);
    const all = await w.call(CREDITS_RPC.block.list, w.ctx.moe, { limit: 200 }, CreditBlockPage);
    const ranges = all.items
      .map((b) => parseSerial(b.serial)!)
      .sort((x, y) => (x.firstUnit < y.firstUnit ? -1 : 1));
    ranges.forEach((r, i) => expect(r.firstUnit).toBe(i === 0 ? 1n : ranges[i - 1].lastUnit + 1n));
    expect(ranges[ranges.length - 1].lastUnit).toBe(1_010_001n);
  });

  it('refuses a second issuance for an overlapping monitoring period, and one by a company', async () => {
    await expect(
      w.call(
        CREDITS_RPC.issuance.create,
        w.ctx.moe,
        issuanceFor(w, { monitoringPeriod: { start: '2023-06-01', end: '2023-06-30' } }),
        IssuanceView,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      w.call(
        CREDITS_RPC.issuance.create,
        w.ctx.companyA,
        issuanceFor(w, { monitoringPeriod: { start: '2020-01-01', end: '2020-12-31' } }),
        IssuanceView,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses float amounts and allocations to a non-participant account', async () => {
    await expect(
      w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w, { quantity: '10.5' }), IssuanceView),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const toOutsider = issuanceFor(w, {
      monitoringPeriod: { start: '2021-01-01', end: '2021-12-31' },
      participantAllocations: [{ accountId: w.accounts.outsider.id }],
    });
    await expect(
      w.call(CREDITS_RPC.issuance.create, w.ctx.moe, toOutsider, IssuanceView),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('shows a company only its own accounts and blocks; MOE sees all', async () => {
    const forA = await w.call(CREDITS_RPC.account.list, w.ctx.companyA, {}, AccountPage);
    expect(forA.items.map((a) => a.id)).toEqual([w.accounts.companyA.id]);
    const forMoe = await w.call(CREDITS_RPC.account.list, w.ctx.moe, {}, AccountPage);
    expect(forMoe.total).toBe(7); // issuance, cancellation, retirement, government, three companies
    await expect(
      w.call(CREDITS_RPC.account.get, w.ctx.companyB, { id: w.accounts.companyA.id }, AccountView),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const blocksB = await w.call(CREDITS_RPC.block.list, w.ctx.companyB, {}, CreditBlockPage);
    expect(blocksB.items.every((b) => b.accountId === w.accounts.companyB.id)).toBe(true);
  });

  it('hides other holders’ accounts, blocks and journal at the database for a raw SELECT (RLS)', async () => {
    const as = { role: w.config.dbRole, orgId: w.org.companyB, orgType: 'COMPANY' };
    const accounts = await queryAs<{ holder_name: string }>(
      w.db.url,
      as,
      'SELECT holder_name FROM credits.account',
    );
    expect(accounts).toEqual([{ holder_name: 'Mongolia Heat Partners LLC' }]);
    const blocks = await queryAs<{ account_id: string }>(
      w.db.url,
      as,
      'SELECT DISTINCT account_id FROM credits.credit_block',
    );
    expect(blocks).toEqual([{ account_id: w.accounts.companyB.id }]);
    const outsider = { role: w.config.dbRole, orgId: w.org.outsider, orgType: 'COMPANY' };
    expect(await queryAs(w.db.url, outsider, 'SELECT * FROM credits.journal_entry')).toHaveLength(0);
    expect(await queryAs(w.db.url, { role: w.config.dbRole }, 'SELECT * FROM credits.account')).toHaveLength(
      0,
    );
  });

  it('publishes credits.block.issued through the outbox', async () => {
    await eventually(async () => {
      const rows = await queryAs<{ n: string }>(
        w.db.url,
        {},
        'SELECT count(*) AS n FROM credits.outbox WHERE published_at IS NULL',
      );
      return rows[0].n === '0' ? true : undefined;
    });
    const jsm = await nc.jetstreamManager();
    const msg = await jsm.streams.getMessage(w.bus.stream, {
      last_by_subj: `${w.bus.prefix}.credits.block.issued`,
    });
    const envelope = JSON.parse(new TextDecoder().decode(msg.data));
    expect(envelope).toMatchObject({
      type: 'credits.block.issued',
      data: { quantity: '1000001', projectReference: 'MN001' },
    });
  });

  it('publishes totals without holder names, and the ledger verifies', async () => {
    const summary = await w.call(
      CREDITS_RPC.publicSummary.get,
      ctxFor(w.org.outsider, 'COMPANY', 'viewer'),
      {},
      PublicSummary,
    );
    expect(summary.byCountryAndVintage).toEqual([
      { partnerCountry: 'MN', vintage: 2023, issued: '10000', retired: '0', cancelled: '0' },
      { partnerCountry: 'MN', vintage: 2024, issued: '1000001', retired: '0', cancelled: '0' },
    ]);
    expect(summary.totalsByAccountType).toContainEqual({ accountType: 'ISSUANCE', quantity: '-1010001' });
    expect(summary.annualTransactions).toEqual([
      { year: expect.any(Number), kind: 'ISSUANCE', count: 2, quantity: '1010001' },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(
      /Consortium|Partners|Government of Japan|[0-9a-f]{8}-[0-9a-f]{4}-/,
    );
    const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);
    expect(report).toMatchObject({ intact: true, entries: 2, totalIssued: '1010001', differences: [] });
  });
});
