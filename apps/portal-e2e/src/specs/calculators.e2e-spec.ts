import { Page } from 'playwright-core';
import { baseUrl, useChromiumPage, liveText } from '../support/browser';

/** The public JCM subsidy calculator, driven like a visitor would: no login, from the login page's link. */
describe('public calculators in Chromium', () => {
  let page: Page;

  useChromiumPage((p) => (page = p));

  async function openJcmSubsidy(): Promise<void> {
    await page.goto(`${baseUrl()}/login`);
    await page.click('[data-testid=calculators-link]');
    await page.waitForSelector('[data-testid=calculator-card]');
    await page.click('a[href="/calculators/jcm-subsidy"]');
    await page.waitForSelector('[data-testid=calc-eligible-cost]');
  }

  it('computes the documents’ example: ¥3,027/tCO2, with findings that cite their source', async () => {
    await openJcmSubsidy();
    expect(await page.textContent('[data-testid=page-title]')).toContain('JCM設備補助金の試算');

    await page.fill('[data-testid=calc-eligible-cost]', '597,530,000');
    await page.fill('[data-testid=calc-similar-projects]', '0');
    await page.fill('[data-testid=calc-annual-reduction]', '12340');
    await page.fill('[data-testid=calc-useful-life]', '8');
    // The rules report only what needs attention, and the example alone passes every check; a payback of
    // (¥600,000,000 − subsidy) ÷ ¥200,000,000 = 1.5 years with the subsidy is under the 3-year guideline.
    await page.fill('[data-testid=calc-payback-initial]', '600000000');
    await page.fill('[data-testid=calc-payback-cash-flow]', '200000000');
    await page.click('[data-testid=calc-submit]');

    await page.waitForSelector('[data-testid=calc-cost-effectiveness]');
    expect(await liveText(page, '[data-testid=calc-cost-effectiveness]', '3,027')).toContain('3,027');
    expect(await liveText(page, '[data-testid=calc-subsidy]', '298,765,000')).toContain('298,765,000');
    expect(await liveText(page, '[data-testid=calc-total-reduction]', '98,720')).toContain('98,720');

    const findings = page.locator('[data-testid=calc-finding]');
    expect(await findings.count()).toBeGreaterThan(0);
    expect(await findings.first().textContent()).toContain('R-EVAL-05');
    const source =
      (await findings.first().locator('[data-testid=calc-finding-source]').textContent())?.trim() ?? '';
    expect(source.length).toBeGreaterThan(0);
    expect(await findings.first().textContent()).toContain(source);
    await page.screenshot({ path: 'tmp/screenshots/calculator-jcm-subsidy-ja.png', fullPage: true });

    // English: the same figures, findings in English.
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('[data-testid=page-title]')).toContain('JCM equipment subsidy');
    expect(await liveText(page, '[data-testid=calc-cost-effectiveness]', '3,027')).toContain('3,027');
    expect(await findings.first().textContent()).toContain('Payback with subsidy');
  });

  it('fills the example with one click', async () => {
    await openJcmSubsidy();
    expect(await page.inputValue('[data-testid=calc-eligible-cost]')).toBe('');
    await page.click('[data-testid=calc-example]');
    await page.click('[data-testid=calc-submit]');
    await page.waitForSelector('[data-testid=calc-cost-effectiveness]');
    expect(await liveText(page, '[data-testid=calc-cost-effectiveness]', '3,027')).toContain('3,027');
  });

  it('shows what is missing next to the fields instead of calculating', async () => {
    await openJcmSubsidy();
    await page.fill('[data-testid=calc-eligible-cost]', '12.5');
    await page.click('[data-testid=calc-submit]');
    await page.waitForSelector('[data-testid=form-errors]');
    expect(await page.locator('[data-testid=calc-cost-effectiveness]').count()).toBe(0);
    const invalid = page.locator('[aria-invalid=true]');
    expect(await invalid.count()).toBeGreaterThanOrEqual(4);
  });

  it('answers a 400 with the field issues from the gateway', async () => {
    const res = await fetch(`${baseUrl()}/api/v1/calculators/jcm-subsidy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ technologies: [{ technologyId: 'T1', eligibleCostYen: -1 }] }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues.map((i: { path: string }) => i.path)).toContain('technologies.0.eligibleCostYen');
  });
});
