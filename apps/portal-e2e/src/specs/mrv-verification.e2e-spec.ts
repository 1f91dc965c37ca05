import { Page } from 'playwright-core';
import { baseUrl, liveText, login, useChromiumPage } from '../support/browser';

/**
 * MRV end to end (issue #11 "Done when"): company@ edits and submits a monitoring report of the demo PV project
 * TH002 (Thailand, EF 0.319) and assigns tpe@; tpe@ raises a clarification request, the company answers, tpe@
 * resolves it and verifies; credits prepares exactly one pending issuance, MOE confirms it, and the trace page leads
 * from a serial number of the issued block back to the report, the project and the grant. The relay kill/restart
 * part of the criterion is covered by the service tests, not here.
 */
const TPE_ORG = '00000000-0000-4000-8000-000000000041';
const PERIOD = { start: '2026-01-01', end: '2026-03-31' };
const months = (values: string[]) =>
  values.map((value, i) => {
    const from = `2026-0${i + 1}-01`;
    const to = ['2026-01-31', '2026-02-28', '2026-03-31'][i];
    return { from, to, value, meter: 'M1' };
  });

async function tokenFor(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
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

async function openReport(page: Page, email: string, id: string): Promise<void> {
  await login(page, email);
  await page.waitForSelector('[data-testid=user-org]');
  await page.goto(`${baseUrl()}/mrv/reports/${id}`);
  await page.waitForSelector('[data-testid=report-status]');
}

describe('MRV: report → finding → verification → issuance → trace (Chromium)', () => {
  let page: Page;
  let reportId: string;
  let serial: string;
  useChromiumPage((p) => (page = p));

  beforeAll(async () => {
    const projects = await api<{ items: { id: string; projectReference: string }[] }>(
      'company@demo.example',
      '/mrv/projects',
    );
    const project = projects.body.items.find((p) => p.projectReference === 'TH002');
    expect(project).toBeDefined();
    const created = await api<{ id: string; totalEmissionReductionT: string }>(
      'company@demo.example',
      '/mrv/monitoring-reports',
      {
        method: 'POST',
        body: {
          projectId: project?.id,
          period: PERIOD,
          technologies: [{ technologyId: 'PV1', values: { EG: months(['100.0', '110.0', '120.0']) } }],
        },
      },
    );
    expect(created.status).toBe(201);
    // 330 MWh × 0.319 = 105.27 → 105 t (rounded down).
    expect(created.body.totalEmissionReductionT).toBe('105');
    reportId = created.body.id;
  });

  it('company@ changes a month, sees the live calculation follow, submits and assigns tpe@', async () => {
    await openReport(page, 'company@demo.example', reportId);
    expect(await liveText(page, '[data-testid=live-total]', '105')).toBe('105');
    await page.fill('[data-testid=value-0]', '103.2');
    // 333.2 MWh × 0.319 = 106.2908 → 106 t.
    expect(await liveText(page, '[data-testid=live-total]', '106')).toBe('106');
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=done]');
    expect(await liveText(page, '[data-testid=stored-total]', '106')).toBe('106');
    await page.fill('[data-testid=verifier]', TPE_ORG);
    await page.click('[data-testid=assign-verifier]');
    await page.waitForSelector('[data-testid=finding-raise], [data-testid=done]');
    const r = await api<{ tpeOrgId: string; status: string }>(
      'company@demo.example',
      `/mrv/monitoring-reports/${reportId}`,
    );
    expect(r.body).toMatchObject({ tpeOrgId: TPE_ORG, status: 'SUBMITTED' });
  });

  it('tpe@ raises a clarification request', async () => {
    await openReport(page, 'tpe@demo.example', reportId);
    await page.selectOption('[data-testid=finding-kind]', 'CL');
    await page.fill('[data-testid=finding-text]', '1月の計量値の根拠資料を示してください。');
    await page.click('[data-testid=finding-raise]');
    await page.waitForSelector('[data-finding="CL-01"]');
  });

  it('company@ answers the finding', async () => {
    await openReport(page, 'company@demo.example', reportId);
    await page.waitForSelector('[data-finding="CL-01"] [data-testid=finding-answer]');
    await page.fill(
      '[data-finding="CL-01"] [data-testid=finding-answer]',
      '請求書 INV-2026-01 を添付しました。',
    );
    await page.click('[data-finding="CL-01"] [data-testid=finding-respond]');
    await page.waitForSelector('text=請求書 INV-2026-01 を添付しました。');
  });

  it('tpe@ resolves it and verifies; credits prepares exactly one pending issuance', async () => {
    await openReport(page, 'tpe@demo.example', reportId);
    await page.click('[data-finding="CL-01"] [data-testid=finding-resolve]');
    await page.waitForSelector('[data-testid=done]');
    await page.fill('[data-testid=verify-statement]', '合理的保証。');
    await page.fill('[data-testid=verify-date]', '2026-04-20');
    await page.fill('[data-testid=verify-ref]', 'VR-E2E-TH002-2026Q1');
    await page.click('[data-testid=verify]');
    await page.waitForSelector('[data-testid=report-status]:has-text("検証済み")');
    let pending: { id: string; monitoringReportId: string; quantity: string }[] = [];
    for (let i = 0; i < 100 && pending.length === 0; i++) {
      const res = await api<{ items: { id: string; monitoringReportId: string; quantity: string }[] }>(
        'moe@demo.example',
        '/credits/issuances/pending?limit=200',
      );
      pending = res.body.items.filter((p) => p.monitoringReportId === reportId);
      if (pending.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const again = await api<{ items: { monitoringReportId: string }[] }>(
      'moe@demo.example',
      '/credits/issuances/pending?limit=200',
    );
    expect(again.body.items.filter((p) => p.monitoringReportId === reportId)).toHaveLength(1);
    expect(pending[0].quantity).toBe('106');
    const accounts = await api<{ items: { id: string; ownerOrgId: string; type: string }[] }>(
      'moe@demo.example',
      '/credits/accounts?limit=200',
    );
    const company = accounts.body.items.find(
      (a) => a.type === 'ENTITY_HOLDING' && a.ownerOrgId === '00000000-0000-4000-8000-000000000031',
    );
    const confirmed = await api<{ issuance: { blocks: { serial: string }[] } }>(
      'moe@demo.example',
      `/credits/issuances/pending/${pending[0].id}/confirm`,
      {
        method: 'POST',
        body: {
          jointCommitteeDecisionRef: 'JC-TH-E2E-2026',
          participantAllocations: [{ accountId: company?.id }],
        },
      },
    );
    expect(confirmed.status).toBe(201);
    serial = confirmed.body.issuance.blocks[0].serial;
    expect(serial).toMatch(/^JP-TH002-2026-\d+-\d+$/);
  });

  it('the trace page leads from the serial number back to the report, the project and the grant', async () => {
    await login(page, 'company@demo.example');
    await page.waitForSelector('[data-testid=user-org]');
    await page.goto(`${baseUrl()}/mrv/trace?serial=${serial}`);
    await page.waitForSelector('[data-testid=trace-chain]');
    expect(await page.textContent('[data-testid=trace-issuance]')).toContain('JC-TH-E2E-2026');
    expect(await page.textContent('[data-testid=trace-report]')).toContain('106');
    expect(await page.textContent('[data-testid=trace-project]')).toContain('TH002');
    expect(await page.textContent('[data-testid=trace-grant]')).toContain('JCM-GRANT-DEMO-2024-01');
  });
});
