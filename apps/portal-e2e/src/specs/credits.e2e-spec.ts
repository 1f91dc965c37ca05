import { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, login } from '../support/browser';

/**
 * The registry end to end: MOE records an issuance, the company transfers part of it to the government account
 * (twice clicked, moved once), the public totals follow. Other spec files share the stack and may run first, so
 * every assertion compares with a value read before.
 */
interface Account {
  id: string;
  accountNumber: string;
  type: string;
  balance: string;
}

async function tokenFor(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function accountsOf(email: string): Promise<Account[]> {
  const res = await fetch(`${baseUrl()}/api/v1/credits/accounts?limit=200`, {
    headers: { authorization: `Bearer ${await tokenFor(email)}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Account[] }).items;
}

async function publicTotalIssued(): Promise<bigint> {
  const res = await fetch(`${baseUrl()}/api/v1/credits/public/summary`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { byCountryAndVintage: { issued: string }[] };
  return body.byCountryAndVintage.reduce((total, row) => total + BigInt(row.issued), 0n);
}

const grouped = (value: bigint) => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const digits = (text: string | null) => BigInt((text ?? '').replace('tCO2', '').replace(/[^\d-]/g, ''));

describe('JCM credit registry in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let issuedBefore: bigint;

  beforeAll(async () => {
    browser = await launchChromium();
    issuedBefore = await publicTotalIssued();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  });

  afterEach(async () => {
    await page.context().close();
  });

  it('shows the public registry without login, linked from the login page', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.click('[data-testid=registry-link]');
    await page.waitForSelector('[data-testid=registry-total-issued]');
    expect(digits(await page.textContent('[data-testid=registry-total-issued]'))).toBe(issuedBefore);
    expect(await page.textContent('[data-testid=registry-total-retired]')).toMatch(/\d/);
  });

  it('lets MOE record an issuance of 10,000 t for TH001 to the company account, with its blocks', async () => {
    const companyAccount = (await accountsOf('company@demo.example')).find(
      (a) => a.type === 'ENTITY_HOLDING',
    );
    expect(companyAccount).toBeDefined();

    await login(page, 'moe@demo.example');
    await page.waitForSelector('[data-testid=user-org]');
    await page.goto(`${baseUrl()}/credits`);
    await page.waitForSelector('[data-testid=account-row]');
    expect(
      await page.locator('[data-testid=account-row][data-account-type=GOVERNMENT_HOLDING]').count(),
    ).toBe(1);

    await page.click('[data-testid=new-issuance]');
    await page.waitForSelector('[data-testid=issue-project] option:has-text("TH001")', { state: 'attached' });
    const projectValue = await page
      .locator('[data-testid=issue-project] option', { hasText: 'TH001' })
      .getAttribute('value');
    await page.selectOption('[data-testid=issue-project]', projectValue ?? '');
    await page.fill('[data-testid=issue-quantity]', '10000');
    await page.selectOption('[data-testid=issue-participant]', companyAccount?.id ?? '');
    await page.fill('[data-testid=issue-decision-ref]', 'JC-TH-2024-E2E');

    // Government share 0.5 of TH001, rounded up: 5,000 / 5,000.
    await page.waitForSelector('[data-testid=issue-preview]');
    expect(await page.textContent('[data-testid=issue-preview-government]')).toContain('5,000');
    expect(await page.textContent('[data-testid=issue-preview-participant]')).toContain('5,000');

    await page.click('[data-testid=issue-submit]');
    await page.waitForSelector('[data-testid=issue-result]');
    const result = await page.textContent('[data-testid=issue-result]');
    expect(result).toContain('10,000');
    expect(result).toMatch(/JP-TH001-2024-\d+-\d+/);
    expect(await page.locator('[data-testid=issue-block]').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: 'tmp/screenshots/credits-issue.png', fullPage: true });
  });

  it('lets the company transfer 1,200 t to the government account once, even when submit is clicked twice', async () => {
    const government = (await accountsOf('moe@demo.example')).find((a) => a.type === 'GOVERNMENT_HOLDING');
    const companyBefore = (await accountsOf('company@demo.example')).find((a) => a.type === 'ENTITY_HOLDING');
    expect(government && companyBefore).toBeTruthy();
    if (!government || !companyBefore) return;
    const balanceBefore = BigInt(companyBefore.balance);
    expect(balanceBefore).toBeGreaterThanOrEqual(1200n);

    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=user-org]');
    await page.click('nav a[href="/credits"]');
    const row = page.locator('[data-testid=account-row]', { hasText: companyBefore.accountNumber });
    await row.waitFor();
    expect(digits(await row.locator('[data-testid=account-row-balance]').textContent())).toBe(balanceBefore);
    await row.locator('a').click();

    await page.waitForSelector('[data-testid=account-balance]');
    expect(await page.textContent('[data-testid=account-balance]')).toContain(grouped(balanceBefore));

    // Client-side check first: more than the balance is refused before anything is sent.
    await page.fill('[data-testid=transfer-to]', government.accountNumber);
    await page.fill('[data-testid=transfer-quantity]', (balanceBefore + 1n).toString());
    await page.click('[data-testid=transfer-submit]');
    await page.waitForSelector('#transfer-quantity-error');

    await page.fill('[data-testid=transfer-quantity]', '1,200');
    // Two clicks in the same task: the second must not move credits again.
    await page.locator('[data-testid=transfer-submit]').evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    // Nothing is sent before the confirmation (#16 item 3), which names the destination and the quantity; the
    // double click opened it once.
    await page.waitForSelector('[data-testid=confirm-dialog]');
    expect(await page.locator('[data-testid=confirm-dialog]').count()).toBe(1);
    expect(await page.textContent('[data-testid=confirm-to]')).toBe(government.accountNumber);
    expect(await page.textContent('[data-testid=confirm-quantity]')).toBe('1,200 tCO2');
    expect(
      BigInt(
        (await accountsOf('company@demo.example')).find((a) => a.id === companyBefore.id)?.balance ?? '0',
      ),
    ).toBe(balanceBefore);
    await page.click('[data-testid=confirm-ok]');
    await page.waitForSelector('[data-testid=operation-done]');
    const expected = balanceBefore - 1200n;
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=account-balance]')?.textContent?.includes(text),
      grouped(expected),
    );
    // A further click on the (now empty) form is refused locally, not sent.
    await page.click('[data-testid=transfer-submit]');
    await page.waitForTimeout(500);

    const companyAfter = (await accountsOf('company@demo.example')).find((a) => a.id === companyBefore.id);
    const governmentAfter = (await accountsOf('moe@demo.example')).find((a) => a.id === government.id);
    expect(companyAfter?.balance).toBe(expected.toString());
    expect(BigInt(governmentAfter?.balance ?? '0')).toBe(BigInt(government.balance) + 1200n);
    expect(await page.locator('[data-testid=operation-error]').count()).toBe(0);
    await page.screenshot({ path: 'tmp/screenshots/credits-transfer.png', fullPage: true });
  });

  it('shows the public total issued up by 10,000', async () => {
    expect(await publicTotalIssued()).toBe(issuedBefore + 10000n);
    await page.goto(`${baseUrl()}/registry`);
    await page.waitForSelector('[data-testid=registry-total-issued]');
    expect(await page.textContent('[data-testid=registry-total-issued]')).toContain(
      grouped(issuedBefore + 10000n),
    );
    await page.screenshot({ path: 'tmp/screenshots/registry-public.png', fullPage: true });
  });
});
