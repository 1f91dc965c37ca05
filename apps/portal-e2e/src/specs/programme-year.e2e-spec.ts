import { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, login, liveText } from '../support/browser';

/** A tiny valid PDF (magic bytes `%PDF-`), generated here rather than read from disk. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const pdf = (name: string) => ({ buffer: PDF, mimeType: 'application/pdf', name });

/** B5 fixture (city-partnerships.md §7.1): ¥18,150,000 + 10% = ¥19,965,000 incl. tax, outsourcing exactly ½. */
const BUDGET: Record<string, string> = {
  人件費: '6000000',
  外国旅費: '3000000',
  会議費: '500000',
  雑役務費: '1500000',
  外注費: '6050000',
  一般管理費: '1100000',
};

async function apiToken(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const lastSegment = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

async function apiGet(path: string, token: string): Promise<Response> {
  return fetch(`${baseUrl()}/api/v1/${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('programme year in the browser: call → proposal → selection → contract → monthly report', () => {
  const unique = `${Date.now().toString(36)}`;
  const callTitle = `E2E 令和8年度 都市間連携事業 公募 ${unique}`;
  const proposalTitle = `E2E バンコク脱炭素加速化 ${unique}`;
  const ids: Record<string, string> = {};
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
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

  async function openProgramme(email: string): Promise<void> {
    await login(page, email);
    await page.click('[data-testid=nav-programme]');
    // The partnerships page (the landing page) has a page-title too: wait for the programme's own heading.
    await page.waitForURL(/\/programme$/);
    await page.waitForFunction(() =>
      /都市間連携事業|City-to-City programme/.test(
        document.querySelector('[data-testid=page-title]')?.textContent ?? '',
      ),
    );
  }

  it('MOE creates and publishes a call', async () => {
    await openProgramme('moe@demo.example');
    await page.click('[data-testid=call-new]');
    await page.fill('[data-testid=call-title-ja]', callTitle);
    await page.fill('[data-testid=call-title-en]', `E2E FY2026 City-to-City call ${unique}`);
    await page.fill('[data-testid=call-fiscal-year]', '2026');
    await page.click('[data-testid=call-submit]');
    await page.waitForSelector('[data-testid=call-publish]');
    ids.call = lastSegment(page.url());
    expect(await page.textContent('[data-testid=call-state]')).toContain('下書き');
    await page.click('[data-testid=call-publish]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=call-state]')?.textContent?.includes('公募中'),
    );

    await page.click('text=事業年度のトップに戻る');
    await page.waitForSelector('[data-testid=call-row]');
    expect((await page.locator('[data-testid=call-row]').allTextContents()).join(' ')).toContain(callTitle);
  });

  it('company drafts a continuing Yokohama–Bangkok proposal: live cap check, a cited refusal at ¥20,000,001, then ¥19,965,000', async () => {
    // The demo company is the pair's contractor, so the pair is in its own list.
    const pairs = (await (await apiGet('partnerships', await apiToken('company@demo.example'))).json()) as {
      items: { id: string; partnerCity: { nameEn: string } }[];
    };
    ids.pair = pairs.items.find((p) => p.partnerCity.nameEn.includes('Bangkok'))?.id ?? '';
    expect(ids.pair).not.toBe('');

    await openProgramme('company@demo.example');
    await page.locator('[data-testid=call-row]', { hasText: callTitle }).locator('a').click();
    await page.click('[data-testid=proposal-new]');
    await page.waitForSelector('[data-testid=proposal-kind-continuing]');
    await page.check('[data-testid=proposal-kind-continuing]');
    await page.selectOption('[data-testid=proposal-partnership-select]', ids.pair);
    await page.selectOption('[data-testid=proposal-phase]', '2');
    await page.selectOption('[data-testid=proposal-year-in-phase]', '2');
    await page.fill('[data-testid=proposal-history]', '2022, 2023, 2024, 2025');
    await page.fill('[data-testid=proposal-title-ja]', proposalTitle);
    await page.fill('[data-testid=proposal-title-en]', `E2E Accelerating Bangkok net zero ${unique}`);
    await page.check('[data-testid=proposal-field-energy-efficiency]');
    await page.check('[data-testid=proposal-field-waste]');
    await page.fill('[data-testid=proposal-summary-ja]', '廃棄物発電と省エネの案件形成を継続する。');
    await page.fill(
      '[data-testid=proposal-summary-en]',
      'Continue forming waste-to-energy and energy-efficiency projects.',
    );
    await page.check('[data-testid=elig-legal]');
    await page.check('[data-testid=elig-pledge]');
    await page.selectOption('[data-testid=elig-grade]', 'A');
    for (const [category, amount] of Object.entries(BUDGET))
      await page.fill(`[data-testid="budget-amount-${category}"]`, amount);

    expect(await liveText(page, '[data-testid=budget-total]', '19,965,000')).toContain('19,965,000');
    expect(await liveText(page, '[data-testid=budget-cap-status]', '上限内')).toContain('上限内');

    // ¥1 over the cap: the browser says so at once, and the service refuses with the cited rule.
    const before = (
      (await (await apiGet('proposals', await apiToken('company@demo.example'))).json()) as { total: number }
    ).total;
    await page.fill('[data-testid=proposal-requested]', '20000001');
    expect(await liveText(page, '[data-testid=budget-cap-status]', '上限超過')).toContain('上限超過');
    await page.click('[data-testid=proposal-save]');
    await page.waitForSelector('[data-testid=rule-violation]');
    const refusal = await page.textContent('[data-testid=rule-violation]');
    expect(refusal).toContain('C3P-B1');
    expect(refusal).toContain('上限');
    expect(refusal).toContain('city-partnerships.md');
    expect(refusal).not.toContain(' / Total');
    const after = (
      (await (await apiGet('proposals', await apiToken('company@demo.example'))).json()) as { total: number }
    ).total;
    expect(after).toBe(before);
    await page.screenshot({ path: 'tmp/screenshots/programme-proposal-refused.png', fullPage: true });

    await page.fill('[data-testid=proposal-requested]', '19965000');
    expect(await liveText(page, '[data-testid=budget-cap-status]', '上限内')).toContain('上限内');
    await page.click('[data-testid=proposal-save]');
    await page.waitForSelector('[data-testid=proposal-state]');
    ids.proposal = lastSegment(page.url());
    expect(await page.textContent('[data-testid=proposal-budget-total]')).toContain('19,965,000');

    // ⑨ letters: ask both cities.
    await page.click('[data-testid=letter-request-JP_MUNICIPALITY]');
    await page.waitForSelector('[data-testid=letter-open-JP_MUNICIPALITY]');
    await page.click('[data-testid=letter-request-PARTNER_CITY]');
    await page.waitForSelector('[data-testid=letter-open-PARTNER_CITY]');

    // Yokohama's Japanese letter, uploaded by the company on the city's behalf (the API allows either).
    await page.click('[data-testid=letter-open-JP_MUNICIPALITY]');
    await page.waitForSelector('[data-testid=letter-upload]');
    await page.selectOption('[data-testid=letter-language]', 'ja');
    await page.fill('[data-testid=letter-signatory]', '横浜市長');
    await page.setInputFiles('[data-testid=letter-upload]', pdf('yokohama.pdf'));
    await page.click('[data-testid=letter-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=letter-state]')?.textContent?.includes('原本受領'),
    );
  });

  it('Bangkok uploads its own English letter in the portal (in English)', async () => {
    await openProgramme('bangkok@demo.example');
    expect(await page.textContent('[data-testid=page-title]')).toContain('City-to-City programme');
    await page.screenshot({ path: 'tmp/screenshots/programme-bangkok-en.png', fullPage: true });
    await page
      .locator('[data-testid=letter-row]', { hasText: 'Requested' })
      .first()
      .locator('[data-testid=letter-open]')
      .click();
    await page.waitForSelector('[data-testid=letter-upload]');
    await page.selectOption('[data-testid=letter-language]', 'en');
    await page.fill('[data-testid=letter-signatory]', 'Governor of Bangkok');
    await page.setInputFiles('[data-testid=letter-upload]', pdf('bangkok-letter.pdf'));
    await page.click('[data-testid=letter-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=letter-state]')?.textContent?.includes('Original received'),
    );
  });

  it('company attaches the 和訳 and both letters, then submits the proposal', async () => {
    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/proposals/${ids.proposal}`);

    // Without the translation the English letter is refused with the cited rule (C3P-E3).
    await page.click('[data-testid=letter-attach-PARTNER_CITY]');
    await page.waitForSelector('[data-testid=rule-violation]');
    expect(await page.textContent('[data-testid=rule-violation]')).toContain('C3P-E3');

    await page.click('[data-testid=letter-open-PARTNER_CITY]');
    await page.waitForSelector('[data-testid=letter-translation-upload]');
    await page.setInputFiles('[data-testid=letter-translation-upload]', pdf('bangkok-letter-和訳.pdf'));
    await page.click('[data-testid=letter-translation-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=letter-state]')?.textContent?.includes('和訳添付済み'),
    );
    await page.click('[data-testid=letter-back-proposal]');

    for (const role of ['JP_MUNICIPALITY', 'PARTNER_CITY']) {
      await page.click(`[data-testid=letter-attach-${role}]`);
      await page.waitForSelector(`[data-testid=letter-attach-${role}]`, { state: 'detached' });
    }
    await page.click('[data-testid=proposal-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=proposal-state]')?.textContent?.includes('提出済み'),
    );
  });

  it('MOE closes the call, scores 200/200 and selects: the contract shows twelve monthly reports due', async () => {
    await login(page, 'moe@demo.example');
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/calls/${ids.call}`);
    await page.click('[data-testid=call-close]');
    // Closing is confirmed first (#16 item 3): the dialog says how many proposals the call holds.
    await page.waitForSelector('[data-testid=confirm-proposals]');
    await page.click('[data-testid=confirm-ok]');
    await page.click('[data-testid=call-review]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=call-state]')?.textContent?.includes('審査中'),
    );
    await page.locator('[data-testid=proposal-row]', { hasText: proposalTitle }).locator('a').click();

    const marks: Record<string, string> = {
      originality: '20',
      pastResults: '20',
      implementationStructure: '30',
      policyCooperation: '20',
      jcmFeasibility: '30',
      nonJcmFeasibility: '20',
      synergy: '10',
      schedule: '5',
      managementEngineer: '5',
      organisationalSupport: '5',
      ghgTarget: '15',
    };
    for (const [criterion, points] of Object.entries(marks))
      await page.fill(`[data-testid=score-${criterion}]`, points);
    await page.fill('[data-testid=score-fsi]', '0.50');
    await page.check('[data-testid=score-ems-current]');
    await page.check('[data-testid=score-wlb-PLATINUM_ERUBOSHI]');
    await page.selectOption('[data-testid=score-novelty]', 'SOME');
    expect(await liveText(page, '[data-testid=score-preview]', '200 / 200')).toContain('200 / 200');
    await page.click('[data-testid=score-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=proposal-score]')?.textContent?.includes('200 / 200'),
    );

    await page.click('[data-testid=proposal-select]');
    await page.waitForSelector('[data-testid=contract-state]');
    ids.contract = lastSegment(page.url());
    await page.click('[data-testid=contract-sign]');
    // Signing is confirmed first, with the amount and the contractor (#16 item 3).
    await page.waitForSelector('[data-testid=confirm-dialog]');
    expect(await page.textContent('[data-testid=confirm-amount]')).toContain('19,965,000');
    expect(await page.textContent('[data-testid=confirm-company]')).toContain('デモ・エンジニアリング');
    await page.click('[data-testid=confirm-ok]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=contract-state]')?.textContent?.includes('契約締結'),
    );
    // The contract and its reports reload as two requests: wait for the rows, then count them exactly.
    const rows = page.locator('[data-testid=monthly-report-row]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    expect(await rows.first().getAttribute('data-month')).toBe('2026-04');
    expect(await rows.first().textContent()).toContain('未提出');
    expect(await page.textContent('[data-testid=contract-amount]')).toContain('19,965,000');
    // ¥18,150,000 of cost lines + 10% consumption tax (rounded down) = ¥19,965,000 (city-partnerships.md §7.1 B5).
    expect(await page.textContent('[data-testid=contract-budget-tax]')).toContain('1,815,000');
    await page.screenshot({ path: 'tmp/screenshots/programme-contract-moe.png', fullPage: true });
  });

  it("company submits April's report; Yokohama acknowledges it", async () => {
    await openProgramme('company@demo.example');
    await page.locator('[data-testid=contract-row]', { hasText: proposalTitle }).locator('a').click();
    await page.locator('[data-testid=monthly-report-row][data-month="2026-04"] a').click();
    await page.fill('[data-testid=report-progress]', 'バンコク都と廃棄物発電の現地調査を実施した。');
    await page.click('[data-testid=upcoming-add]');
    await page.fill('[data-testid=upcoming-description]', 'バンコク都職員向けワークショップ');
    await page.click('[data-testid=monthly-report-submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=report-state]')?.textContent?.includes('提出済み'),
    );
    await page.context().close();

    page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    await openProgramme('yokohama@demo.example');
    await page.locator('[data-testid=contract-row]', { hasText: proposalTitle }).locator('a').click();
    const april = page.locator('[data-testid=monthly-report-row][data-month="2026-04"]');
    expect(await april.textContent()).toContain('提出済み');
    await april.locator('a').click();
    expect(await page.textContent('[data-testid=report-progress-text]')).toContain('現地調査');
    await page.click('[data-testid=monthly-report-acknowledge]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=report-state]')?.textContent?.includes('確認済み'),
    );
    await page.goBack();
    await page.waitForSelector(
      '[data-testid=monthly-report-row][data-month="2026-04"][data-state=acknowledged]',
    );
  });

  it('shows Kitakyushu none of it, and the API answers 404 for the contract', async () => {
    await openProgramme('kitakyushu@demo.example');
    await page.waitForSelector('#contracts-heading');
    await page.waitForFunction(() => !document.body.textContent?.includes('読み込み中'));
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toContain(proposalTitle);
    for (const hook of ['contract-row', 'proposal-row', 'monthly-report-row']) {
      expect((await page.locator(`[data-testid=${hook}]`).allTextContents()).join(' ')).not.toContain(
        proposalTitle,
      );
    }
    const res = await apiGet(`contracts/${ids.contract}`, await apiToken('kitakyushu@demo.example'));
    expect(res.status).toBe(404);
    await page.goto(`${baseUrl()}/programme/contracts/${ids.contract}`);
    await page.waitForSelector('text=見つかりません');
  });
});
