import { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, login, liveText } from '../support/browser';

/**
 * 年度末の手続き in the browser: 報告会 (kick-off), 精算報告 (accepted, then an over-settlement refused with C3P-ST1),
 * 成果物 and a JCM lead. Independent of the other specs: its own call, proposal and contract are made over the API.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');
const pdf = (filename: string) => ({ filename, mediaType: 'application/pdf', contentBase64: PDF });
/** FY2025 (April 2025 – March 2026): its meetings may be held on past dates. */
const FY = 2025;
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** B5 fixture (city-partnerships.md §7.1): ¥18,150,000 + 10% = ¥19,965,000 incl. tax. */
const B5_BUDGET = [
  { category: '人件費', amountYen: 6_000_000 },
  { category: '外国旅費', amountYen: 3_000_000 },
  { category: '会議費', amountYen: 500_000 },
  { category: '雑役務費', amountYen: 1_500_000 },
  { category: '外注費', amountYen: 6_050_000 },
  { category: '一般管理費', amountYen: 1_100_000 },
];

const tokens = new Map<string, string>();
async function apiToken(who: string): Promise<string> {
  const cached = tokens.get(who);
  if (cached) return cached;
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@demo.example`, password: 'demo-password' }),
  });
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  tokens.set(who, token);
  return token;
}

async function api<T = Record<string, unknown>>(
  who: string,
  method: string,
  path: string,
  body?: unknown,
  expected = [200, 201],
): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/v1/${path}`, {
    method,
    headers: { Authorization: `Bearer ${await apiToken(who)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} as ${who}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

describe('year-end in the browser: report meetings, settlement reports, deliverables, JCM leads', () => {
  const unique = `${Date.now().toString(36)}`;
  const ids: Record<string, string> = {};
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();

    // A contract of our own: call → proposal with both letters → scored and selected → signed. A pair has one project a
    // year (C3P-D0) and the programme-year spec takes Yokohama–Bangkok for FY2026, so this one is FY2025 of the same pair
    // (a new pair would add a partnership that the partnerships spec would count).
    const pairs = await api<{ items: { id: string; partnerCity: { nameEn: string } }[] }>(
      'company',
      'GET',
      'partnerships?limit=100',
    );
    ids.pair = pairs.items.find((p) => p.partnerCity.nameEn.includes('Bangkok'))?.id ?? '';
    const call = await api<{ id: string }>('moe', 'POST', 'calls', {
      fiscalYear: FY,
      // (fiscal year, round) is unique: round 5 keeps clear of any 1st call another spec creates.
      round: 5,
      titleJa: `E2E 年度末 公募 ${unique}`,
      titleEn: `E2E year-end call ${unique}`,
      presetId: 'C3P_FY2026_CALL1',
      opensOn: dayOffset(-3),
      closesOn: dayOffset(27),
      monthlyReportDueDay: 10,
    });
    ids.call = call.id;
    await api('moe', 'POST', `calls/${ids.call}/publish`, {});
    const proposal = await api<{
      id: string;
      municipality: { orgId: string };
      partnerCity: { orgId: string };
    }>('company', 'POST', 'proposals', {
      callId: ids.call,
      kind: 'CONTINUING',
      partnershipId: ids.pair,
      phase: 2,
      yearInPhase: 2,
      fiscalYear: FY,
      pairHistoryFiscalYears: [2021, 2022, 2023, 2024],
      titleJa: `E2E 年度末 バンコク ${unique}`,
      titleEn: `E2E year-end Bangkok ${unique}`,
      targetFields: ['energy-efficiency', 'waste'],
      summaryJa: '廃棄物発電と省エネの案件形成を継続する。',
      summaryEn: 'Continue forming waste-to-energy and energy-efficiency projects.',
      eligibility: {
        hasLegalPersonality: true,
        fallsUnderBudgetOrderArticle70: false,
        fallsUnderBudgetOrderArticle71: false,
        underNominationSuspension: false,
        antiOrganisedCrimePledge: true,
        unifiedQualification: { grade: 'A', category: '役務の提供等', subCategory: '調査・研究' },
        cityAgreement: 'CONCLUDED',
      },
      requestedYen: 19_965_000,
      budgetLines: B5_BUDGET,
    });
    ids.proposal = proposal.id;
    const yk = await api<{ id: string }>('company', 'POST', 'interest-letters', {
      proposalId: ids.proposal,
      issuerOrgId: proposal.municipality.orgId,
      issuerRole: 'JP_MUNICIPALITY',
    });
    await api('yokohama', 'POST', `interest-letters/${yk.id}/original`, {
      language: 'ja',
      signatoryName: '横浜市長',
      signedOn: '2025-02-10',
      file: pdf('yokohama.pdf'),
    });
    await api('company', 'POST', `interest-letters/${yk.id}/attach`);
    const bkk = await api<{ id: string }>('company', 'POST', 'interest-letters', {
      proposalId: ids.proposal,
      issuerOrgId: proposal.partnerCity.orgId,
      issuerRole: 'PARTNER_CITY',
    });
    await api('bangkok', 'POST', `interest-letters/${bkk.id}/original`, {
      language: 'en',
      signatoryName: 'Governor of Bangkok',
      signedOn: '2025-02-12',
      file: pdf('bangkok.pdf'),
    });
    await api('company', 'POST', `interest-letters/${bkk.id}/translation`, { file: pdf('bangkok-和訳.pdf') });
    await api('company', 'POST', `interest-letters/${bkk.id}/attach`);
    await api('company', 'POST', `proposals/${ids.proposal}/submit`);
    for (const step of ['close', 'review']) await api('moe', 'POST', `calls/${ids.call}/${step}`, {});
    await api('moe', 'POST', `proposals/${ids.proposal}/score`, {
      themeNovelty: 'SOME',
      score: {
        section1: {
          originality: 20,
          pastResults: 20,
          implementationStructure: 30,
          policyCooperation: 20,
          jcmFeasibility: 30,
          nonJcmFeasibility: 20,
          synergy: 10,
        },
        section2: { schedule: 5, managementEngineer: 5, organisationalSupport: 5 },
        municipality: { kind: 'MUNICIPALITY', fiscalStrengthIndex: '0.50' },
        ems: { currentlyCertified: true, previouslyCertified: true, currentInHouseEms: true },
        wlb: { certifications: ['PLATINUM_ERUBOSHI'] },
        ghgTargetPoints: 15,
      },
    });
    const contract = await api<{ id: string }>('moe', 'POST', `proposals/${ids.proposal}/select`, {});
    ids.contract = contract.id;
    await api('moe', 'POST', `contracts/${ids.contract}/sign`, {});
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

  async function openYearEnd(who: string): Promise<void> {
    await login(page, `${who}@demo.example`);
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/contracts/${ids.contract}/year-end`);
    await page.waitForSelector('[data-testid=year-end-page][data-status=loaded]');
  }

  const kickoff = (hook = '') =>
    `[data-testid=meeting-row][data-kind=KICKOFF]${hook ? ` [data-testid=${hook}]` : ''}`;
  const kickoffIn = (state: string) =>
    page.waitForSelector(`[data-testid=meeting-row][data-kind=KICKOFF][data-state=${state}]`);

  it('company reaches the page from the contract and runs the kick-off meeting: schedule, materials, held, minutes', async () => {
    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/contracts/${ids.contract}`);
    await page.click('[data-testid=contract-year-end]');
    await page.waitForURL(/\/year-end$/);
    await page.waitForSelector('[data-testid=year-end-page][data-status=loaded]');
    await page.locator('[data-testid=meeting-row]').first().waitFor();
    expect(await page.locator('[data-testid=meeting-row]').count()).toBe(3);

    await page.fill(kickoff('meeting-schedule-date'), '2025-04-20');
    await page.click(kickoff('meeting-schedule'));
    await kickoffIn('scheduled');
    await page.fill(kickoff('meeting-material-title'), '実施計画の説明資料');
    await page.fill(kickoff('meeting-material-ref'), 'docs/kickoff.pptx');
    await page.click(kickoff('meeting-materials-submit'));
    await kickoffIn('materials_submitted');
    await page.fill(kickoff('meeting-held-on'), '2025-04-21');
    await page.click(kickoff('meeting-hold'));
    await kickoffIn('held');
    await page.fill(kickoff('meeting-minutes'), '実施計画と報告の日程を確認した。');
    await page.click(kickoff('meeting-minutes-submit'));
    await kickoffIn('minutes_recorded');
    expect(await page.textContent(kickoff('meeting-minutes-text'))).toContain(
      '実施計画と報告の日程を確認した。',
    );
    // The contractor does not confirm its own minutes.
    expect(await page.locator(kickoff('meeting-confirm')).count()).toBe(0);
  });

  it('Yokohama (municipality) and MOE confirm the minutes; the cities do not see settlement reports', async () => {
    await openYearEnd('yokohama');
    expect(await page.locator('#settlements-heading').count()).toBe(0);
    await page.click(kickoff('meeting-confirm'));
    await page.waitForSelector(kickoff('meeting-confirmed'));

    await page.context().clearCookies();
    await page.evaluate(() => sessionStorage.clear());
    await openYearEnd('moe');
    await page.click(kickoff('meeting-confirm'));
    await page.waitForSelector(kickoff('meeting-confirmed'));
    expect((await page.textContent(kickoff('meeting-confirmations')))?.trim()).toBe('2');
    await api('moe', 'POST', `contracts/${ids.contract}/report-kickoff`, {});
  });

  it('company drafts a settlement report within the amount (live totals) and submits it; MOE accepts', async () => {
    await openYearEnd('company');
    await page.click('[data-testid=settlement-new]');
    await page.fill('[data-testid="settlement-line-amount-人件費"]', '2000000');
    await page.fill('[data-testid="settlement-line-amount-外国旅費"]', '1,000,000');
    expect(await liveText(page, '[data-testid=settlement-subtotal]', '3,000,000')).toContain('3,000,000');
    expect(await liveText(page, '[data-testid=settlement-tax]', '300,000')).toContain('300,000');
    expect(await liveText(page, '[data-testid=settlement-total]', '3,300,000')).toContain('3,300,000');
    expect(await liveText(page, '[data-testid=settlement-amount-status]', '契約金額内')).toContain(
      '契約金額内',
    );
    await page.click('[data-testid=settlement-save]');
    await page.waitForSelector('[data-testid=settlement-row][data-sequence="1"][data-state=draft]');
    await page.click('[data-testid=settlement-row][data-sequence="1"] [data-testid=settlement-submit]');
    await page.waitForSelector('[data-testid=settlement-row][data-sequence="1"][data-state=submitted]');
    expect(await page.textContent('[data-testid=settlement-cumulative]')).toContain('3,300,000');
    expect(await page.locator('[data-testid=settlement-accept]').count()).toBe(0);

    await page.evaluate(() => sessionStorage.clear());
    await openYearEnd('moe');
    await page.click('[data-testid=settlement-row][data-sequence="1"] [data-testid=settlement-accept]');
    await page.waitForSelector('[data-testid=settlement-row][data-sequence="1"][data-state=accepted]');
  });

  it('refuses an over-settlement with C3P-ST1 and its citation, saving nothing', async () => {
    await openYearEnd('company');
    await page.click('[data-testid=settlement-new]');
    await page.fill('[data-testid="settlement-line-amount-人件費"]', '16000000'); // ¥17,600,000 + ¥3,300,000 > ¥19,965,000
    expect(await liveText(page, '[data-testid=settlement-total]', '17,600,000')).toContain('17,600,000');
    expect(await liveText(page, '[data-testid=settlement-amount-status]', '契約金額超過')).toContain(
      '契約金額超過',
    );
    await page.click('[data-testid=settlement-save]');
    await page.waitForSelector('[data-testid=rule-violation]');
    const refusal = (await page.textContent('[data-testid=rule-violation]')) ?? '';
    expect(refusal).toContain('C3P-ST1');
    expect((await page.textContent('[data-testid=rule-violation-source]'))?.trim()).not.toBe('');
    expect(await page.locator('[data-testid=settlement-row]').count()).toBe(1);
    const listed = await api<{ total: number }>(
      'company',
      'GET',
      `contracts/${ids.contract}/settlement-reports`,
    );
    expect(listed.total).toBe(1);
  });

  it('company submits the deliverables and MOE accepts them', async () => {
    await api('moe', 'POST', `contracts/${ids.contract}/start-work`, {});
    await openYearEnd('company');
    // Sections load on their own requests: wait for the rows before counting them.
    await page.locator('[data-testid=deliverable-row]').first().waitFor();
    expect(await page.locator('[data-testid=deliverable-row]').count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const row = page.locator('[data-testid=deliverable-row][data-state=pending]').first();
      await row.locator('[data-testid=deliverable-ref]').fill(`https://example.org/deliverables/${i}.pdf`);
      await row.locator('[data-testid=deliverable-submit]').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=deliverable-row][data-state=submitted]').length === n,
        i + 1,
      );
    }

    await page.evaluate(() => sessionStorage.clear());
    await openYearEnd('moe');
    for (let i = 0; i < 4; i++) {
      await page
        .locator('[data-testid=deliverable-row][data-state=submitted] [data-testid=deliverable-accept]')
        .first()
        .click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=deliverable-row][data-state=accepted]').length === n,
        i + 1,
      );
    }
  });

  it('company records a JCM lead on the partnership and advances it', async () => {
    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/jcm-leads`);
    await page.click('[data-testid=lead-new]');
    await page.waitForSelector(`[data-testid=lead-partnership] option[value="${ids.pair}"]`, {
      state: 'attached',
    });
    await page.selectOption('[data-testid=lead-partnership]', ids.pair);
    await page.fill('[data-testid=lead-title-ja]', `E2E 廃棄物発電 ${unique}`);
    await page.fill('[data-testid=lead-title-en]', `E2E waste to energy ${unique}`);
    await page.fill('[data-testid=lead-technology]', 'WtE');
    await page.fill('[data-testid=lead-tco2]', '5491.5');
    await page.fill('[data-testid=lead-cost]', '1200000000');
    await page.click('[data-testid=lead-submit]');
    const row = page.locator('[data-testid=lead-row]', { hasText: unique });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('identified');
    await row.locator('[data-testid=lead-advance-status]').selectOption('feasibility');
    await row.locator('[data-testid=lead-advance]').click();
    await page.waitForSelector('[data-testid=lead-row][data-status=feasibility]');
  });

  it('Kitakyushu gets not-found on the year-end page', async () => {
    await login(page, 'kitakyushu@demo.example');
    await page.waitForSelector('[data-testid=nav-programme]');
    await page.goto(`${baseUrl()}/programme/contracts/${ids.contract}/year-end`);
    await page.waitForSelector('[data-testid=year-end-page][data-status=not-found]');
    await page.waitForSelector('text=見つかりません');
    expect(await page.locator('[data-testid=meeting-row]').count()).toBe(0);
  });
});
