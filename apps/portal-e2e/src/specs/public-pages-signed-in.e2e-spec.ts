import { Page } from 'playwright-core';
import { baseUrl, login, useChromiumPage } from '../support/browser';

/**
 * #16 item 14: the calculators and the registry are public, but a signed-in user who opens them from the main menu
 * keeps the main menu (the shell), instead of landing in the public frame with only a "back to the portal" link.
 */
describe('public pages for a signed-in user in Chromium', () => {
  let page: Page;

  useChromiumPage((p) => (page = p));

  it('keeps Yokohama in the main menu on the calculators and the registry', async () => {
    await login(page, 'yokohama@demo.example');
    await page.waitForSelector('[data-testid=user-org]');

    await page.click('[data-testid=nav-calculators]');
    await page.waitForSelector('[data-testid=calculator-card]');
    expect(await page.textContent('[data-testid=user-org]')).toContain('横浜市');
    expect(await page.locator('[data-testid=nav-programme]').count()).toBe(1);
    expect(await page.locator('[data-testid=public-portal-link]').count()).toBe(0);

    await page.click('a[href="/calculators/c3p-budget"]');
    await page.waitForURL(/\/calculators\/c3p-budget$/);
    expect(await page.locator('[data-testid=user-org]').count()).toBe(1);

    await page.click('[data-testid=nav-registry]');
    await page.waitForSelector('[data-testid=registry-total-issued]');
    expect(await page.textContent('[data-testid=user-org]')).toContain('横浜市');
    expect(await page.getAttribute('[data-testid=nav-registry]', 'aria-current')).toBe('page');
  });

  it('still shows the public frame to a visitor who is not signed in', async () => {
    await page.goto(`${baseUrl()}/registry`);
    await page.waitForSelector('[data-testid=registry-total-issued]');
    expect(await page.locator('[data-testid=public-portal-link]').count()).toBe(1);
    expect(await page.locator('[data-testid=user-org]').count()).toBe(0);
  });
});
