import {
  AccountHistoryPage,
  CREDITS_RPC,
  IssuanceView,
  LedgerVerification,
  MovementView,
} from '@jcm/contracts';
import { CreditsWorld, issuanceFor, startCreditsWorld, stopCreditsWorld } from '../../testing/credits-world';

describe('Account history (取引履歴) from the journal (real PostgreSQL + NATS)', () => {
  let w: CreditsWorld;
  let issuance: IssuanceView;
  let shared: IssuanceView;
  let transfer: MovementView;
  let retirement: MovementView;
  const history = (
    ctx: CreditsWorld['ctx'][keyof CreditsWorld['ctx']],
    id: string,
    page: { limit?: number; offset?: number } = {},
  ) => w.call(CREDITS_RPC.account.listHistory, ctx, { id, ...page }, AccountHistoryPage);

  beforeAll(async () => {
    w = await startCreditsWorld();
    // seq 1: 10,000 t, 5,000 to Japan, 5,000 to company A (units 5001–10000).
    issuance = await w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w), IssuanceView);
    // seq 2: A → B 1,200 t (the high range 8801–10000).
    transfer = await w.call(
      CREDITS_RPC.transfer.create,
      w.ctx.companyA,
      {
        fromAccountId: w.accounts.companyA.id,
        toAccountNumber: w.accounts.companyB.accountNumber,
        quantity: '1200',
      },
      MovementView,
    );
    // seq 3: B retires 300 t.
    retirement = await w.call(
      CREDITS_RPC.retirement.create,
      w.ctx.companyB,
      {
        fromAccountId: w.accounts.companyB.id,
        quantity: '300',
        purpose: 'VOLUNTARY_OFFSET',
        beneficiary: 'Darkhan City',
      },
      MovementView,
    );
    // seq 4: 2,000 t more, 1,000 to Japan, 600 to A and 400 to B in one issuance.
    shared = await w.call(
      CREDITS_RPC.issuance.create,
      w.ctx.moe,
      issuanceFor(w, {
        quantity: '2000',
        vintage: 2024,
        monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
        participantAllocations: [
          { accountId: w.accounts.companyA.id, quantity: '600' },
          { accountId: w.accounts.companyB.id, quantity: '400' },
        ],
      }),
      IssuanceView,
    );
  });

  afterAll(() => stopCreditsWorld(w));

  it('lists the holder’s journal lines newest first, signed, with serials, counterparty and hash', async () => {
    const a = await history(w.ctx.companyA, w.accounts.companyA.id);
    expect(a.total).toBe(3);
    expect(a.items.map((e) => [e.seq, e.kind, e.quantity])).toEqual([
      [shared.journalSeq, 'ISSUANCE', '600'],
      [transfer.journalSeq, 'TRANSFER', '-1200'],
      [issuance.journalSeq, 'ISSUANCE', '5000'],
    ]);
    expect(a.items[1]).toMatchObject({
      serials: [{ serial: 'JP-MN001-2023-8801-10000', quantity: '1200' }],
      counterparties: [
        {
          accountNumber: w.accounts.companyB.accountNumber,
          holderName: 'Mongolia Heat Partners LLC',
          type: 'ENTITY_HOLDING',
        },
      ],
      journalHash: transfer.journalHash,
    });
    expect(a.items[2].counterparties).toEqual([expect.objectContaining({ type: 'ISSUANCE' })]);
    expect(a.items[2].serials).toEqual([{ serial: 'JP-MN001-2023-5001-10000', quantity: '5000' }]);
    // The shared issuance shows only A's own range; B's and Japan's allocations are not A's business.
    expect(a.items[0].serials).toEqual([
      { serial: expect.stringMatching(/^JP-MN001-2024-\d+-\d+$/), quantity: '600' },
    ]);
    expect(a.items[0].counterparties.map((c) => c.type)).toEqual(['ISSUANCE']);
    expect(JSON.stringify(a)).not.toContain(w.accounts.government.accountNumber);
    expect(JSON.stringify(a)).not.toContain(w.org.moe);

    const b = await history(w.ctx.companyB, w.accounts.companyB.id);
    expect(b.items.map((e) => [e.kind, e.quantity, e.counterparties.map((c) => c.accountNumber)])).toEqual([
      ['ISSUANCE', '400', [expect.any(String)]],
      ['RETIREMENT', '-300', [retirement.toAccountNumber]],
      ['TRANSFER', '1200', [w.accounts.companyA.accountNumber]],
    ]);
    expect(b.items[1].counterparties[0].type).toBe('RETIREMENT');
    expect(b.items[2].counterparties[0].holderName).toBe('Ulaanbaatar Solar Consortium KK');
  });

  it('reports another organisation’s account as not found, and lets MOE see every account’s history', async () => {
    for (const ctx of [w.ctx.outsider, w.ctx.companyB]) {
      await expect(history(ctx, w.accounts.companyA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(history(w.ctx.companyA, w.accounts.government.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(history(w.ctx.companyA, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await history(w.ctx.outsider, w.accounts.outsider.id)).toEqual({ items: [], total: 0 });
    const viaMoe = await history(w.ctx.moe, w.accounts.companyA.id);
    expect(viaMoe.total).toBe(3);
    const government = await history(w.ctx.moe, w.accounts.government.id);
    expect(government.items.map((e) => e.quantity)).toEqual(['1000', '5000']);
  });

  it('pages with limit and offset over a stable order', async () => {
    const first = await history(w.ctx.companyA, w.accounts.companyA.id, { limit: 2, offset: 0 });
    const second = await history(w.ctx.companyA, w.accounts.companyA.id, { limit: 2, offset: 2 });
    expect([first.total, second.total]).toEqual([3, 3]);
    expect(first.items.map((e) => e.seq)).toEqual([shared.journalSeq, transfer.journalSeq]);
    expect(second.items.map((e) => e.seq)).toEqual([issuance.journalSeq]);
    await expect(history(w.ctx.companyA, w.accounts.companyA.id, { limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('sums to the balance and matches the verified journal', async () => {
    const a = await history(w.ctx.companyA, w.accounts.companyA.id, { limit: 200 });
    expect(a.items.reduce((s, e) => s + BigInt(e.quantity), 0n)).toBe(5000n - 1200n + 600n);
    const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);
    expect(report).toMatchObject({ intact: true, entries: 4 });
  });
});
