import { Page } from 'playwright-core';
import { baseUrl, useChromiumPage, login } from '../support/browser';

const DEMO = ['moe', 'gec', 'yokohama', 'kitakyushu', 'bangkok', 'koror', 'company', 'tpe'];

describe('portal in Chromium against the running platform', () => {
  let page: Page;

  useChromiumPage((p) => (page = p));

  it('reports every service healthy with PostgreSQL and NATS', async () => {
    const res = await fetch(`${baseUrl()}/api/v1/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.services.map((s: { service: string }) => s.service).sort()).toEqual([
      'credits-service',
      'grants-service',
      'mrv-service',
      'partnership-service',
    ]);
    for (const s of body.services) expect(s).toMatchObject({ postgres: 'up', nats: 'up', status: 'ok' });
  });

  it('lets every demo account log in over the API', async () => {
    for (const who of DEMO) {
      const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@demo.example`, password: 'demo-password' }),
      });
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
    }
  });

  it('shows Yokohama only its own partnership, in Japanese, then in English after the switch', async () => {
    await login(page, 'yokohama@demo.example');
    await page.waitForSelector('[data-testid=partnership-row]');
    expect(await page.textContent('[data-testid=page-title]')).toContain('都市間連携プロジェクト');
    expect(await page.textContent('[data-testid=user-org]')).toContain('横浜市');
    const rows = page.locator('[data-testid=partnership-row]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('バンコク気候変動マスタープラン');

    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('[data-testid=page-title]')).toContain('City-to-City partnerships');
    expect(await rows.first().textContent()).toContain('Bangkok Climate Change Master Plan');
    expect(await page.textContent('[data-testid=user-org]')).toContain('City of Yokohama');
    await page.screenshot({ path: 'tmp/screenshots/partnerships-yokohama-en.png', fullPage: true });
  });

  it('shows Kitakyushu nothing of Yokohama, and MOE everything', async () => {
    await login(page, 'kitakyushu@demo.example');
    await page.waitForSelector('[data-testid=partnership-row]');
    const kitakyushu = await page.locator('[data-testid=partnership-row]').allTextContents();
    expect(kitakyushu).toHaveLength(1);
    expect(kitakyushu.join(' ')).not.toContain('横浜');
    await page.click('[data-testid=logout]');

    await page.waitForSelector('input[name=email]');
    await login(page, 'moe@demo.example');
    await page.waitForSelector('[data-testid=partnership-row]');
    expect(await page.locator('[data-testid=partnership-row]').count()).toBe(2);
  });

  it('lets Kitakyushu record its agreement and past years, and shows that a 7th year would be refused', async () => {
    await login(page, 'kitakyushu@demo.example');
    await page.locator('[data-testid=partnership-row] a').first().click();
    await page.waitForSelector('[data-testid=partnership-timeline]');
    expect(await page.textContent('[data-testid=agreement-status]')).toContain('締結予定');
    await page.click('[data-testid=agreement-edit]');
    await page.selectOption('[data-testid=agreement-status-select]', 'CONCLUDED');
    await page.fill('[data-testid=agreement-type]', '覚書');
    await page.fill('[data-testid=agreement-date]', '2020-07-01');
    await page.fill('[data-testid=agreement-history]', '2020, 2021, 2022, 2023, 2024, 2025');
    await page.click('[data-testid=agreement-save]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=agreement-status]')?.textContent?.includes('締結済み'),
    );
    expect(await page.locator('[data-testid=timeline-year]').count()).toBe(6);
    const rule = await page.textContent('[data-testid=seven-year-rule]');
    expect(rule).toContain('2026年度に継続すると通算7年目');
    expect(rule).toContain('継続できません');
  });

  it('says so when the password is wrong', async () => {
    await login(page, 'moe@demo.example', 'wrong-password');
    await page.waitForSelector('[data-testid=login-error]');
    expect(await page.textContent('[data-testid=login-error]')).toContain(
      'メールアドレスまたはパスワードが違います',
    );
  });
});
