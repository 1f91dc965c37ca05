import { Page } from 'playwright-core';
import { baseUrl, liveText, login, useChromiumPage } from '../support/browser';

async function token(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api(email: string, path: string): Promise<Response> {
  return fetch(`${baseUrl()}/api/v1${path}`, { headers: { Authorization: `Bearer ${await token(email)}` } });
}

/**
 * JCM補助金 in the browser with the demo data: the company's Thai PV + chiller draft breaks the ¥2,500/t threshold
 * of a 15-project country; the company sees the cited finding next to the field, fixes the reduction, and the
 * finding goes while the figure updates; GEC sees it in the review queue filtered by country; a municipality gets 404.
 */
describe('JCM subsidy application in the browser (demo data)', () => {
  let page: Page;
  useChromiumPage((p) => (page = p));

  it('shows the cited ¥/t finding next to the field, clears it when fixed, and keeps other organisations out', async () => {
    const mine = (await (await api('company@demo.example', '/grants/applications')).json()) as {
      items: { id: string }[];
    };
    expect(mine.items).toHaveLength(1);
    const id = mine.items[0].id;
    expect((await api('kitakyushu@demo.example', `/grants/applications/${id}`)).status).toBe(404);

    await login(page, 'company@demo.example');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${baseUrl()}/grants/applications/${id}`);
    await page.waitForSelector('[data-testid=grant-figures]');
    expect(await liveText(page, '[data-testid=findings-requestedSubsidyYen]', 'R-EVAL-04')).toContain(
      'R-EVAL-04',
    );
    expect(await page.textContent('[data-testid=figure-ce]')).toContain('3039');

    await page.fill('[data-testid=field-annual-0]', '20000');
    await page.press('[data-testid=field-annual-0]', 'Tab');
    expect(await liveText(page, '[data-testid=figure-ce]', '1875')).toContain('1875');
    await page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid=findings-requestedSubsidyYen]')
          ?.textContent?.includes('R-EVAL-04'),
    );
    const versions = (await (
      await api('company@demo.example', `/grants/applications/${id}/versions`)
    ).json()) as { items: { changedPaths: string[] }[] };
    expect(versions.items.at(-1)?.changedPaths).toEqual(['technologies.0.annualReductionT']);

    const queue = (await (
      await api('gec@demo.example', '/grants/applications?country=TH&technologyId=SOLAR_PV')
    ).json()) as { items: { id: string }[] };
    expect(queue.items.map((a) => a.id)).toContain(id);
  });
});
