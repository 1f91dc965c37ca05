import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser), headless, with no background traffic to the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
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

/**
 * Registers the jest hooks every browser spec needs: one Chromium per spec file, and a fresh context and page per
 * test (no cookies or session storage leak between tests). `use` receives each new page.
 */
export function useChromiumPage(use: (page: Page) => void, locale = 'ja-JP'): void {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    page = await (await browser.newContext({ locale })).newPage();
    use(page);
  });
  afterEach(async () => {
    await page?.context().close();
  });
}

/**
 * Text of a figure the page computes live (budget totals, score previews): waits until it shows `expected`, then
 * returns it for the caller's assertion. Reading it right after typing races Angular's next render.
 */
export async function liveText(
  page: Page,
  selector: string,
  expected: string,
  timeoutMs = 10_000,
): Promise<string> {
  await page
    .waitForFunction(
      ([s, e]) => document.querySelector(s)?.textContent?.includes(e),
      [selector, expected] as const,
      { timeout: timeoutMs },
    )
    .catch(() => undefined); // the caller's expect reports the actual text
  return (await page.textContent(selector)) ?? '';
}
