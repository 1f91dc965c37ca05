import { Client } from 'pg';
import {
  Article6ActionView,
  CreditBlockPage,
  CreditBlockView,
  CREDITS_RPC,
  IssuanceView,
  LedgerVerification,
  MovementView,
} from '@jcm/contracts';
import { eventually, queryAs } from '@jcm/testing';
import { CreditsWorld, issuanceFor, startCreditsWorld, stopCreditsWorld } from '../../testing/credits-world';

describe('Article 6 authorisation, first transfer and corresponding adjustment per block (real PostgreSQL + NATS)', () => {
  let w: CreditsWorld;
  const blocks = async (accountId?: string) =>
    (
      await w.call(
        CREDITS_RPC.block.list,
        w.ctx.moe,
        { limit: 200, ...(accountId ? { accountId } : {}) },
        CreditBlockPage,
      )
    ).items;
  const bySerial = (items: CreditBlockView[]) => Object.fromEntries(items.map((b) => [b.serial, b]));
  const authorise = (data: Record<string, unknown>, ctx = w.ctx.moe) =>
    w.call(CREDITS_RPC.block.authorise, ctx, { projectId: w.project.id, ...data }, Article6ActionView);
  const adjust = (data: Record<string, unknown>, ctx = w.ctx.moe) =>
    w.call(
      CREDITS_RPC.block.applyCorrespondingAdjustment,
      ctx,
      { projectId: w.project.id, ...data },
      Article6ActionView,
    );

  beforeAll(async () => {
    w = await startCreditsWorld();
    // 10,000 t of MN001 in Japan's registry: units 1–5,000 to Japan, 5,001–10,000 to company A.
    await w.call(CREDITS_RPC.issuance.create, w.ctx.moe, issuanceFor(w), IssuanceView);
  });

  afterAll(() => stopCreditsWorld(w));

  it('shows every block as not authorised after issuance', async () => {
    const all = await blocks();
    expect(all.map((b) => b.article6)).toEqual([
      expect.objectContaining({
        authorisedUse: 'NONE',
        firstTransferredAt: null,
        correspondingAdjustment: { applied: false, appliedOn: null, reference: null },
      }),
      expect.objectContaining({ authorisedUse: 'NONE' }),
    ]);
  });

  it('authorises part of a block for NDC use: the block splits, and the first transfer is recorded (MN units in JP)', async () => {
    const action = await authorise({
      firstUnit: '6001',
      lastUnit: '8000',
      authorisedUse: 'NDC',
      authorisationRef: 'MN-LoA-2025-001',
    });
    expect(action).toMatchObject({
      kind: 'AUTHORISATION',
      quantity: '2000',
      serials: [{ serial: 'JP-MN001-2023-6001-8000', quantity: '2000' }],
    });
    const mine = bySerial(await blocks(w.accounts.companyA.id));
    expect(Object.keys(mine).sort()).toEqual([
      'JP-MN001-2023-5001-6000',
      'JP-MN001-2023-6001-8000',
      'JP-MN001-2023-8001-10000',
    ]);
    expect(mine['JP-MN001-2023-6001-8000'].article6).toMatchObject({
      authorisedUse: 'NDC',
      authorisationRef: 'MN-LoA-2025-001',
      firstTransferDefinition: 'INTERNATIONAL_TRANSFER',
      firstTransferredAt: expect.any(String),
    });
    expect(mine['JP-MN001-2023-5001-6000'].article6?.authorisedUse).toBe('NONE');
    expect(mine['JP-MN001-2023-8001-10000'].article6?.authorisedUse).toBe('NONE');
    const filtered = await w.call(
      CREDITS_RPC.block.list,
      w.ctx.moe,
      { authorisedUse: 'NDC' },
      CreditBlockPage,
    );
    expect(filtered.items.map((b) => b.serial)).toEqual(['JP-MN001-2023-6001-8000']);
  });

  it('refuses re-authorising, authorising by anyone but the registry manager, and a range not held', async () => {
    await expect(
      authorise({
        firstUnit: '7000',
        lastUnit: '7000',
        authorisedUse: 'OIMP',
        authorisationRef: 'X',
        oimpFirstTransfer: 'AUTHORISATION',
      }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    await expect(
      authorise(
        { firstUnit: '1', lastUnit: '10', authorisedUse: 'NDC', authorisationRef: 'X' },
        w.ctx.companyA,
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      authorise({ firstUnit: '9999', lastUnit: '10001', authorisedUse: 'NDC', authorisationRef: 'X' }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    await expect(
      authorise({ firstUnit: '1', lastUnit: '10', authorisedUse: 'OIMP', authorisationRef: 'X' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('never merges units of different Article 6 attributes on transfer, and carries them with the units', async () => {
    const send = (from: 'companyA' | 'outsider', to: 'companyB' | 'outsider', quantity: string) =>
      w.call(
        CREDITS_RPC.transfer.create,
        w.ctx[from],
        { fromAccountId: w.accounts[from].id, toAccountNumber: w.accounts[to].accountNumber, quantity },
        MovementView,
      );
    // A holds 5,001–6,000 (none), 6,001–8,000 (NDC), 8,001–10,000 (none); lowest units leave first.
    expect((await send('companyA', 'outsider', '1000')).serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-5001-6000',
    ]);
    expect((await send('companyA', 'companyB', '2000')).serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-6001-8000',
    ]);
    // The outsider's partial transfer lands right below B's NDC block (5,501–6,000 next to 6,001): no merge.
    expect((await send('outsider', 'companyB', '500')).serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-5501-6000',
    ]);
    // A range with the same (absent) attributes next to it does merge: 5,251–5,500 joins 5,501–6,000.
    expect((await send('outsider', 'companyB', '250')).serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-5251-5500',
    ]);
    const held = (await blocks(w.accounts.companyB.id))
      .map((b) => [b.serial, b.article6?.authorisedUse])
      .sort();
    expect(held).toEqual([
      ['JP-MN001-2023-5251-6000', 'NONE'],
      ['JP-MN001-2023-6001-8000', 'NDC'],
    ]);
  });

  it('records the corresponding adjustment for authorised units, once, on a retired block kept whole', async () => {
    await expect(
      adjust({ firstUnit: '5251', lastUnit: '5251', appliedOn: '2026-04-15', reference: 'BTR' }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    const retired = await w.call(
      CREDITS_RPC.retirement.create,
      w.ctx.companyB,
      {
        fromAccountId: w.accounts.companyB.id,
        quantity: '2750',
        purpose: 'NDC_ACHIEVEMENT',
        beneficiary: 'Government of Japan NDC',
      },
      MovementView,
    );
    expect(retired.serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-5251-6000',
      'JP-MN001-2023-6001-8000',
    ]);
    await expect(
      adjust({ firstUnit: '6001', lastUnit: '7000', appliedOn: '2026-04-15', reference: 'BTR 2026' }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    await expect(
      adjust(
        { firstUnit: '6001', lastUnit: '8000', appliedOn: '2026-04-15', reference: 'BTR 2026' },
        w.ctx.companyB,
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const action = await adjust({
      firstUnit: '6001',
      lastUnit: '8000',
      appliedOn: '2026-04-15',
      reference: 'BTR 2026',
    });
    expect(action).toMatchObject({
      kind: 'CORRESPONDING_ADJUSTMENT',
      appliedOn: '2026-04-15',
      serials: [{ serial: 'JP-MN001-2023-6001-8000' }],
    });
    const ret = await blocks(retired.toAccountId);
    const ndc = ret.find((b) => b.serial === 'JP-MN001-2023-6001-8000');
    expect(ndc).toMatchObject({
      status: 'RETIRED',
      article6: {
        correspondingAdjustment: { applied: true, appliedOn: '2026-04-15', reference: 'BTR 2026' },
      },
    });
    await expect(
      adjust({ firstUnit: '6001', lastUnit: '8000', appliedOn: '2026-05-01', reference: 'again' }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    // The database refuses it too, and still refuses changing a retired block otherwise.
    const sys = { role: w.config.dbRole, orgType: 'SYSTEM' };
    await expect(
      queryAs(w.db.url, sys, `UPDATE credits.credit_block SET ca_applied_on = '2027-01-01' WHERE id = $1`, [
        ndc!.id,
      ]),
    ).rejects.toThrow(/recorded for good/);
    await expect(
      queryAs(w.db.url, sys, `UPDATE credits.credit_block SET authorised_use = 'OIMP' WHERE id = $1`, [
        ndc!.id,
      ]),
    ).rejects.toThrow(/never moves or changes again/);
  });

  it('records an OIMP first transfer defined as use or cancellation when the units are cancelled', async () => {
    const action = await authorise({
      firstUnit: '1',
      lastUnit: '100',
      authorisedUse: 'OIMP',
      authorisationRef: 'MN-LoA-CORSIA-7',
      oimpFirstTransfer: 'USE_OR_CANCELLATION',
    });
    expect(action.serials).toEqual([{ serial: 'JP-MN001-2023-1-100', quantity: '100' }]);
    const gov = bySerial(await blocks(w.accounts.government.id));
    expect(gov['JP-MN001-2023-1-100'].article6).toMatchObject({
      authorisedUse: 'OIMP',
      firstTransferDefinition: 'USE_OR_CANCELLATION',
      firstTransferredAt: null,
    });
    const cancelled = await w.call(
      CREDITS_RPC.cancellation.create,
      w.ctx.moe,
      { fromAccountId: w.accounts.government.id, quantity: '150', reason: 'Use for CORSIA' },
      MovementView,
    );
    expect(cancelled.serials.map((s) => s.serial)).toEqual([
      'JP-MN001-2023-1-100',
      'JP-MN001-2023-4951-5000',
    ]);
    const inCancellation = bySerial(await blocks(cancelled.toAccountId));
    expect(inCancellation['JP-MN001-2023-1-100'].article6?.firstTransferredAt).toEqual(expect.any(String));
    expect(inCancellation['JP-MN001-2023-4951-5000'].article6).toMatchObject({
      authorisedUse: 'NONE',
      firstTransferredAt: null,
    });
  });

  it('keeps an append-only audit trail hidden from holders, publishes events, and the ledger still verifies', async () => {
    const trail = await queryAs<{ kind: string }>(
      w.db.url,
      { role: w.config.dbRole, orgType: 'MOE', orgId: w.org.moe },
      'SELECT kind FROM credits.article6_action ORDER BY created_at',
    );
    expect(trail.map((r) => r.kind)).toEqual(['AUTHORISATION', 'CORRESPONDING_ADJUSTMENT', 'AUTHORISATION']);
    expect(
      await queryAs(
        w.db.url,
        { role: w.config.dbRole, orgType: 'COMPANY', orgId: w.org.companyA },
        'SELECT * FROM credits.article6_action',
      ),
    ).toHaveLength(0);
    await expect(
      queryAs(w.db.url, { role: w.config.dbRole, orgType: 'SYSTEM' }, 'DELETE FROM credits.article6_action'),
    ).rejects.toThrow(/append-only/);
    await eventually(async () => {
      const rows = await queryAs<{ event_type: string; published: boolean }>(
        w.db.url,
        {},
        `SELECT event_type, published_at IS NOT NULL AS published FROM credits.outbox
          WHERE event_type IN ('credits.block.authorised', 'credits.block.corresponding-adjustment-applied') ORDER BY seq`,
      );
      return rows.length === 3 && rows.every((r) => r.published) ? rows : undefined;
    });
    const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);
    expect(report).toMatchObject({ intact: true, differences: [], totalIssued: '10000' });
  });

  it('reports a corresponding adjustment erased behind the triggers', async () => {
    const admin = new Client({ connectionString: w.db.url });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE credits.credit_block DISABLE TRIGGER credit_block_guard');
      await admin.query(
        `UPDATE credits.credit_block SET ca_applied_on = NULL, ca_reference = NULL WHERE first_unit = 6001`,
      );
      await admin.query('ALTER TABLE credits.credit_block ENABLE TRIGGER credit_block_guard');
    } finally {
      await admin.end();
    }
    const report = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);
    expect(report.intact).toBe(false);
    expect(report.differences).toEqual([
      {
        check: 'article6',
        subject: expect.stringMatching(/^action /),
        expected: 'CORRESPONDING_ADJUSTMENT on units 6001-8000',
        actual: '2000 units without it',
      },
    ]);
  });
});
