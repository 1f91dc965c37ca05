import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser), headless, with no background traffic to the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run through the portal-e2e jest config');
  return url;
}

export async function login(page: Page, email: string, password = 'demo-password'): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('[data-testid=login-submit]');
}
