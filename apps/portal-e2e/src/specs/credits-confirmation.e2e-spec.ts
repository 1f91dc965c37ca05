import { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, login } from '../support/browser';

/**
 * Issuance confirmation end to end: a TPE verifies a monitoring report of TH001 (through the API), the registry
 * prepares a pending issuance from the `mrv.monitoring-report.verified` event, MOE confirms it in the portal to the
 * company's account, and the company sees the received credits in its account history. The stack is shared with
 * other specs (run one at a time, in any order), so rows are found by this spec's own report and serials, and the
 * public total is compared with a value read just before the confirmation.
 */
interface Account {
  id: string;
  accountNumber: string;
  type: string;
  balance: string;
}

const PERIOD = { start: '2023-01-01', end: '2023-12-31' };

async function tokenFor(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api<T>(
  email: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${await tokenFor(email)}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function publicTotalIssued(): Promise<bigint> {
  const res = await fetch(`${baseUrl()}/api/v1/credits/public/summary`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { byCountryAndVintage: { issued: string }[] };
  return body.byCountryAndVintage.reduce((total, row) => total + BigInt(row.issued), 0n);
}

async function waitForPending(
  reportId: string,
): Promise<{ id: string; quantity: string; suggestedVintage: number }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { body } = await api<{
      items: { id: string; monitoringReportId: string; quantity: string; suggestedVintage: number }[];
    }>('moe@demo.example', '/credits/issuances/pending?status=PENDING&limit=200');
    const found = body.items.find((item) => item.monitoringReportId === reportId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No pending issuance for monitoring report ${reportId}`);
}

describe('Issuance confirmation from a verified monitoring report (MOE in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let reportId: string;
  let company: Account;
  let serials: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const accounts = await api<{ items: Account[] }>('company@demo.example', '/credits/accounts?limit=200');
    const entity = accounts.body.items.find((a) => a.type === 'ENTITY_HOLDING');
    expect(entity).toBeDefined();
    company = entity as Account;
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

  it('lets the TPE verify a monitoring report of TH001 for 2023: 3,000 − 600 = 2,400 t, pending for MOE', async () => {
    const verified = await api<{ id: string; verifiedEmissionReductions: string }>(
      'tpe@demo.example',
      '/mrv/monitoring-reports/verifications',
      {
        method: 'POST',
        body: {
          projectReference: 'TH001',
          monitoringPeriod: PERIOD,
          referenceEmissionsT: '3000',
          projectEmissionsT: '600',
          verificationDate: '2024-03-15',
          verificationReportRef: 'VR-E2E-CONFIRMATION-2023',
        },
      },
    );
    expect(verified.status).toBe(201);
    expect(verified.body.verifiedEmissionReductions).toBe('2400');
    reportId = verified.body.id;
    const pending = await waitForPending(reportId);
    expect(pending).toMatchObject({ quantity: '2400', suggestedVintage: 2023 });
  });

  it('lets MOE see the target progress and confirm the pending issuance to the company account', async () => {
    expect(reportId).toBeDefined();
    await login(page, 'moe@demo.example');
    await page.waitForSelector('[data-testid=user-org]');
    await page.goto(`${baseUrl()}/credits`);
    await page.waitForSelector(
      '[data-testid=progress-panel] [data-testid=progress-target][data-fiscal-year="2030"]',
    );
    expect(await page.textContent('[data-testid=progress-panel]')).toContain('100,000,000');
    expect(await page.textContent('[data-testid=progress-panel]')).toContain('200,000,000');
    expect(await page.textContent('[data-testid=progress-basis]')).toMatch(/cumulative/);
    // The verified 2,400 t wait for confirmation: counted as pending, not as issued.
    expect(digits(await page.textContent('[data-testid=progress-pending]'))).toBeGreaterThanOrEqual(2400n);
    await page.screenshot({ path: 'tmp/screenshots/credits-progress.png', fullPage: true });

    await page.click('[data-testid=pending-link]');
    const row = page.locator(`[data-testid=pending-row][data-report="${reportId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid=pending-quantity]').textContent()).toContain('2,400');
    // Calendar dates read as dates in the reader's language, not ISO strings (#16 item 14).
    expect(await row.locator('[data-testid=pending-period]').textContent()).toContain('2023年1月1日');
    expect(await row.locator('[data-testid=pending-verified-on]').textContent()).toBe('2024年3月15日');
    expect(await row.locator('[data-testid=pending-vintage]').inputValue()).toBe('2023');

    // Rejecting without a reason is refused in the form; nothing is sent.
    await row.locator('[data-testid=pending-reject]').click();
    await row.locator('.field__error').first().waitFor();

    await row.locator('[data-testid=pending-account]').selectOption(company.id);
    await row.locator('[data-testid=pending-decision-ref]').fill('JC-TH-2023-E2E-CONF');
    const issuedBefore = await publicTotalIssued();
    await row.locator('[data-testid=pending-confirm]').click();
    const result = row.locator('[data-testid=pending-result]');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('CONFIRMED');
    expect(await result.textContent()).toContain('2,400');
    const blocks = result.locator('[data-testid=pending-result-block] th');
    serials = (await blocks.allTextContents()).map((s) => s.trim());
    // Government of Japan 0.5 of TH001: 1,200 t, the company 1,200 t, both vintage 2023.
    expect(serials).toHaveLength(2);
    serials.forEach((serial) => expect(serial).toMatch(/^JP-TH001-2023-\d+-\d+$/));
    expect(await row.locator('[data-testid=pending-confirm]').count()).toBe(0);
    await page.screenshot({ path: 'tmp/screenshots/credits-pending-confirmed.png', fullPage: true });

    expect(await publicTotalIssued()).toBe(issuedBefore + 2400n);
    const stillPending = await api<{ items: { monitoringReportId: string }[] }>(
      'moe@demo.example',
      '/credits/issuances/pending?status=PENDING&limit=200',
    );
    expect(stillPending.body.items.some((item) => item.monitoringReportId === reportId)).toBe(false);
  });

  it('shows the company the received credits in its account history', async () => {
    expect(serials).toHaveLength(2);
    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=user-org]');
    await page.goto(`${baseUrl()}/credits/accounts/${company.id}`);
    await page.waitForSelector('[data-testid=history-row]');
    const received = page.locator('[data-testid=history-row][data-type=ISSUANCE]', {
      has: page.locator('[data-testid=history-serial]', {
        hasText: new RegExp(`^\\s*(${serials.map(escape).join('|')})\\s*$`),
      }),
    });
    expect(await received.count()).toBe(1);
    expect(await received.locator('[data-testid=history-quantity]').textContent()).toContain('+1,200');
    expect(await received.textContent()).toContain('発行');
    // The company's history is its own: the TPE (another organisation) is told the account does not exist.
    expect((await api('tpe@demo.example', `/credits/accounts/${company.id}/history`)).status).toBe(404);
    const own = await api<{
      items: { kind: string; quantity: string; serials: { serial: string }[] }[];
      total: number;
    }>('company@demo.example', `/credits/accounts/${company.id}/history?limit=200`);
    expect(own.status).toBe(200);
    expect(own.body.items.reduce((sum, e) => sum + BigInt(e.quantity), 0n).toString()).toBe(
      (await api<Account>('company@demo.example', `/credits/accounts/${company.id}`)).body.balance,
    );
    await page.screenshot({ path: 'tmp/screenshots/credits-history.png', fullPage: true });
  });
});

function digits(text: string | null): bigint {
  return BigInt((text ?? '').replace(/[^\d]/g, '') || '0');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
