import { randomUUID } from 'crypto';
import { Client } from 'pg';
import {
  AccountView,
  CreditBlockPage,
  CREDITS_RPC,
  DomainError,
  IssuanceView,
  LedgerVerification,
  MovementView,
  parseSerial,
  PublicSummary,
} from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { DATA_SOURCE } from '@jcm/service-kit';
import { runLedgerVerification } from '../ledger/ledger-verify-cli';
import {
  CreditsWorld,
  issuanceFor,
  startCreditsWorld,
  stopCreditsWorld,
  withKey,
} from '../../testing/credits-world';

describe('Transfers, retirement and cancellation on the double-entry journal (real PostgreSQL + NATS)', () => {
  let w: CreditsWorld;
  const balance = async (id: string) =>
    (await w.call(CREDITS_RPC.account.get, w.ctx.moe, { id }, AccountView)).balance;
  const verify = () => w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);

  beforeAll(async () => {
    w = await startCreditsWorld();
    // 10,000 t: 5,000 to Japan, 5,000 to company A.
    await w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w), IssuanceView);
  });

  afterAll(() => stopCreditsWorld(w));

  it('splits a block on a partial transfer: the sender keeps the low range', async () => {
    const t = await w.call(
      CREDITS_RPC.transfer.create,
      w.ctx.companyA,
      {
        fromAccountId: w.accounts.companyA.id,
        toAccountNumber: w.accounts.companyB.accountNumber,
        quantity: '1200',
      },
      MovementView,
    );
    expect(t.serials).toEqual([{ serial: 'JP-MN001-2023-8801-10000', quantity: '1200' }]);
    expect([await balance(w.accounts.companyA.id), await balance(w.accounts.companyB.id)]).toEqual([
      '3800',
      '1200',
    ]);
  });

  it('moves credits once for one idempotency key, however often and concurrently it is retried', async () => {
    const ctx = withKey(w.ctx.companyA, `transfer-${randomUUID()}`);
    const cmd = {
      fromAccountId: w.accounts.companyA.id,
      toAccountNumber: w.accounts.companyB.accountNumber,
      quantity: '100',
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => w.call(CREDITS_RPC.transfer.create, ctx, cmd, MovementView)),
    );
    const again = await w.call(CREDITS_RPC.transfer.create, ctx, cmd, MovementView);
    expect(new Set([...results, again].map((r) => r.id)).size).toBe(1);
    expect([await balance(w.accounts.companyA.id), await balance(w.accounts.companyB.id)]).toEqual([
      '3700',
      '1300',
    ]);
    await expect(
      w.call(CREDITS_RPC.transfer.create, ctx, { ...cmd, quantity: '101' }, MovementView),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets only the holder move credits, refuses a stale version and a wrong check digit', async () => {
    const cmd = {
      fromAccountId: w.accounts.companyA.id,
      toAccountNumber: w.accounts.companyB.accountNumber,
      quantity: '1',
    };
    await expect(
      w.call(CREDITS_RPC.transfer.create, w.ctx.companyB, cmd, MovementView),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(w.call(CREDITS_RPC.transfer.create, w.ctx.moe, cmd, MovementView)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      w.call(CREDITS_RPC.transfer.create, w.ctx.companyA, { ...cmd, expectedFromVersion: 0 }, MovementView),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const n = w.accounts.companyB.accountNumber;
    const wrong = n.slice(0, -1) + String((Number(n.slice(-1)) + 1) % 10);
    await expect(
      w.call(CREDITS_RPC.transfer.create, w.ctx.companyA, { ...cmd, toAccountNumber: wrong }, MovementView),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('never transfers a retired or cancelled block again, not even by a raw UPDATE', async () => {
    const retired = await w.call(
      CREDITS_RPC.retirement.create,
      w.ctx.companyB,
      {
        fromAccountId: w.accounts.companyB.id,
        quantity: '300',
        purpose: 'VOLUNTARY_OFFSET',
        beneficiary: 'Darkhan City residents',
      },
      MovementView,
    );
    const cancelled = await w.call(
      CREDITS_RPC.cancellation.create,
      w.ctx.companyB,
      {
        fromAccountId: w.accounts.companyB.id,
        quantity: '200',
        reason: 'Voluntary cancellation for overall mitigation',
      },
      MovementView,
    );
    expect(retired.retirement).toMatchObject({
      purpose: 'VOLUNTARY_OFFSET',
      beneficiary: 'Darkhan City residents',
    });
    const moe = w.ctx.moe;
    for (const target of [retired.toAccountId, cancelled.toAccountId]) {
      const owner = target === retired.toAccountId ? 'RETIREMENT' : 'CANCELLATION';
      const cmd = {
        fromAccountId: target,
        toAccountNumber: w.accounts.companyA.accountNumber,
        quantity: '1',
      };
      await expect(w.call(CREDITS_RPC.transfer.create, moe, cmd, MovementView)).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
      });
      const blocks = await w.call(CREDITS_RPC.block.list, moe, { accountId: target }, CreditBlockPage);
      expect(blocks.items.map((b) => b.status)).toEqual([owner === 'RETIREMENT' ? 'RETIRED' : 'CANCELLED']);
      await expect(
        queryAs(
          w.db.url,
          { role: w.config.dbRole, orgType: 'SYSTEM' },
          'UPDATE credits.credit_block SET account_id = $1 WHERE id = $2',
          [w.accounts.companyA.id, blocks.items[0].id],
        ),
      ).rejects.toThrow(/never moves or changes again/);
    }
  });

  it('keeps the journal append-only', async () => {
    const sys = { role: w.config.dbRole, orgType: 'SYSTEM' };
    await expect(
      queryAs(w.db.url, sys, `UPDATE credits.journal_entry SET kind = 'TRANSFER'`),
    ).rejects.toThrow(/append-only/);
    await expect(queryAs(w.db.url, sys, `DELETE FROM credits.journal_entry`)).rejects.toThrow(/append-only/);
  });

  it('survives 1,000 concurrent transfers that together overdraw one account: no negative balance, every tonne once', async () => {
    const [a, b, c] = [w.accounts.companyA, w.accounts.companyB, w.accounts.outsider];
    const ctxOf = { [a.id]: w.ctx.companyA, [b.id]: w.ctx.companyB, [c.id]: w.ctx.outsider };
    // A holds 3,700 t; 700 × 7 t = 4,900 t are asked of it, while B and C pass credits around and back to A.
    const plan = [
      ...Array.from({ length: 700 }, () => [a, b, '7'] as const),
      ...Array.from({ length: 150 }, () => [b, c, '5'] as const),
      ...Array.from({ length: 150 }, () => [c, a, '3'] as const),
    ].sort(() => Math.random() - 0.5);
    const started = Date.now();
    const outcomes = await Promise.all(
      plan.map(([from, to, quantity]) =>
        w
          .call(
            CREDITS_RPC.transfer.create,
            ctxOf[from.id],
            { fromAccountId: from.id, toAccountNumber: to.accountNumber, quantity },
            MovementView,
            60_000,
          )
          .then(() => 'ok' as const)
          .catch((e: DomainError) => e.code),
      ),
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    const codes = new Set(outcomes);
    expect([...codes].every((c) => c === 'ok' || c === 'RULE_VIOLATION')).toBe(true);
    expect(outcomes.filter((o) => o === 'RULE_VIOLATION').length).toBeGreaterThan(0);

    const rows = await queryAs<{ type: string; balance: string }>(
      w.db.url,
      {},
      'SELECT type, balance::text FROM credits.account',
    );
    expect(rows.filter((r) => r.type !== 'ISSUANCE').every((r) => BigInt(r.balance) >= 0n)).toBe(true);
    expect(rows.filter((r) => r.type !== 'ISSUANCE').reduce((s, r) => s + BigInt(r.balance), 0n)).toBe(
      10_000n,
    );

    const all = await w.call(CREDITS_RPC.block.list, w.ctx.moe, { limit: 200 }, CreditBlockPage);
    const units = all.items
      .map((x) => parseSerial(x.serial)!)
      .sort((x, y) => (x.firstUnit < y.firstUnit ? -1 : 1));
    units.forEach((r, i) => expect(r.firstUnit).toBe(i === 0 ? 1n : units[i - 1].lastUnit + 1n));
    expect(units[units.length - 1].lastUnit).toBe(10_000n);
    expect(all.total).toBe(all.items.length);

    const report = await verify();
    expect(report).toMatchObject({ intact: true, differences: [], totalIssued: '10000' });
    expect(report.entries).toBe(1 + 1 + 1 + 2 + outcomes.filter((o) => o === 'ok').length);
    const summary = await w.call(CREDITS_RPC.publicSummary.get, w.ctx.outsider, {}, PublicSummary);
    expect(summary.byCountryAndVintage).toEqual([
      { partnerCountry: 'MN', vintage: 2023, issued: '10000', retired: '300', cancelled: '200' },
    ]);
  });

  it('detects a journal entry tampered with behind the triggers, and the CLI exits non-zero', async () => {
    const admin = new Client({ connectionString: w.db.url });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE credits.journal_entry DISABLE TRIGGER journal_entry_append_only');
      await admin.query(
        `UPDATE credits.journal_entry SET content = jsonb_set(content, '{lines,1,quantity}', '"6"') WHERE seq = 6`,
      );
      await admin.query('ALTER TABLE credits.journal_entry ENABLE TRIGGER journal_entry_append_only');
    } finally {
      await admin.end();
    }
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.differences.map((d) => d.check)).toEqual(
      expect.arrayContaining(['hash', 'balanced', 'balance-vs-journal']),
    );
    const printed: string[] = [];
    const exitCode = await runLedgerVerification(w.app.get(DATA_SOURCE), [], (line) => printed.push(line));
    expect(exitCode).toBe(1);
    expect(printed[0]).toMatch(/NOT intact/);
    expect(printed.some((l) => l.includes('[hash] entry 6'))).toBe(true);
  });
});
