import { TestBed } from '@angular/core/testing';

import { AccountHistoryEntry, AccountView, formatAccountNumber } from '@jcm/contracts';

import {
  ORG,
  byTestId,
  errorReply,
  http,
  portalTestProviders,
  settled,
  signInAs,
} from '../../../../testing/portal-testing';
import { JcmAccountDetailPageComponent, newestFirst } from './account-detail-page.component';

const ACCOUNT_ID = '22222222-2222-4222-8222-222222222222';
const OWN = formatAccountNumber('JP', 'ENTITY_HOLDING', 7n);
const GOVERNMENT = formatAccountNumber('JP', 'GOVERNMENT_HOLDING', 1n);
const account = (balance: string, version = 3): AccountView =>
  AccountView.parse({
    accountNumber: OWN,
    balance,
    createdAt: '2026-04-01T00:00:00.000Z',
    holderName: 'デモ・エンジニアリング株式会社',
    id: ACCOUNT_ID,
    ownerOrgId: ORG.company,
    registry: 'JP',
    type: 'ENTITY_HOLDING',
    version,
  });
const entry = (seq: string, quantity: string): AccountHistoryEntry =>
  AccountHistoryEntry.parse({
    counterparties: [],
    journalHash: 'ab'.repeat(32),
    kind: 'TRANSFER',
    occurredAt: '2026-05-01T00:00:00.000Z',
    quantity,
    seq,
    serials: [],
  });

async function open(history: AccountHistoryEntry[]) {
  const fixture = TestBed.createComponent(JcmAccountDetailPageComponent);
  fixture.componentRef.setInput('id', ACCOUNT_ID);
  await settled(fixture);
  answerLoad(history);
  return { el: await settled(fixture), fixture };
}

function answerLoad(history: AccountHistoryEntry[], balance = '5000') {
  http().expectOne(`/api/v1/credits/accounts/${ACCOUNT_ID}`).flush(account(balance));
  http()
    .expectOne((r) => r.url === '/api/v1/credits/blocks')
    .flush({ items: [], total: 0 });
  http()
    .expectOne((r) => r.url === `/api/v1/credits/accounts/${ACCOUNT_ID}/history`)
    .flush({ items: history, total: history.length });
}

async function fillTransfer(
  fixture: Awaited<ReturnType<typeof open>>['fixture'],
  to: string,
  quantity: string,
) {
  const el = fixture.nativeElement as HTMLElement;
  for (const [id, value] of [
    ['transfer-to', to],
    ['transfer-quantity', quantity],
  ]) {
    const input = byTestId(el, id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  byTestId(el, 'transfer-submit')!.click();
  await settled(fixture);
}

describe('JcmAccountDetailPageComponent (口座の詳細)', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: portalTestProviders() });
    signInAs('COMPANY', ORG.company);
  });
  afterEach(() => {
    http().verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
  });

  it('shows the balance and the history newest first by journal number, whatever order it arrived in (#16 item 4)', async () => {
    const { el } = await open([entry('9', '-300'), entry('12', '1200'), entry('10', '-100')]);
    expect(byTestId(el, 'account-balance')?.textContent).toContain('5,000');
    const rows = [...el.querySelectorAll('[data-testid="history-row"]')].map((row) =>
      row.getAttribute('data-seq'),
    );
    expect(rows).toEqual(['12', '10', '9']);
    expect(newestFirst([entry('100', '1'), entry('99', '1'), entry('100', '1')]).map((e) => e.seq)).toEqual([
      '100',
      '99',
    ]);
  });

  it('asks before a transfer with the destination and tonnes, and sends nothing on "go back" (#16 item 3)', async () => {
    const { fixture } = await open([]);
    await fillTransfer(fixture, GOVERNMENT, '1,200');
    // The holder is looked up among the accounts the reader may see.
    http()
      .expectOne((r) => r.url === '/api/v1/credits/accounts')
      .flush({ items: [account('5000')], total: 1 });
    await settled(fixture);
    const dialog = document.querySelector<HTMLElement>('[data-testid="confirm-dialog"]')!;
    expect(dialog.querySelector('[data-testid="confirm-to"]')?.textContent).toBe(GOVERNMENT);
    expect(dialog.querySelector('[data-testid="confirm-quantity"]')?.textContent).toBe('1,200 tCO2');
    expect(dialog.querySelector('[data-testid="confirm-from"]')?.textContent).toContain(
      'デモ・エンジニアリング株式会社',
    );
    expect(dialog.querySelector('[data-testid="confirm-to-holder"]')?.textContent).toContain(
      '確認できません',
    );
    dialog.querySelector<HTMLElement>('[data-testid="confirm-cancel"]')!.click();
    await settled(fixture);
    http().expectNone((r) => r.url === '/api/v1/credits/transfers');
  });

  it('shows the refusal of a confirmed transfer and reloads the account on a conflict', async () => {
    const { fixture } = await open([]);
    await fillTransfer(fixture, GOVERNMENT, '1200');
    http()
      .expectOne((r) => r.url === '/api/v1/credits/accounts')
      .flush({ items: [], total: 0 });
    await settled(fixture);
    document.querySelector<HTMLElement>('[data-testid="confirm-ok"]')!.click();
    await settled(fixture);
    const sent = http().expectOne({ method: 'POST', url: '/api/v1/credits/transfers' });
    expect(sent.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.request.body).toMatchObject({
      expectedFromVersion: 3,
      quantity: '1200',
      toAccountNumber: GOVERNMENT,
    });
    sent.flush(...errorReply(409, 'CONFLICT', 'Account version changed'));
    const el = await settled(fixture);
    expect(byTestId(el, 'operation-error')?.textContent).toBeTruthy();
    // 409: the balance moved elsewhere, so the page fetches the account again.
    answerLoad([], '3800');
    await settled(fixture);
    expect(byTestId(el, 'account-balance')?.textContent).toContain('3,800');
  });
});
