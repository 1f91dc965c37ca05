import { TestBed } from '@angular/core/testing';

import { CallView } from '@jcm/contracts';

import {
  ORG,
  byTestId,
  errorReply,
  http,
  portalTestProviders,
  settled,
  signInAs,
} from '../../../../testing/portal-testing';
import { JcmCallDetailPageComponent } from './call-detail-page.component';

const CALL_ID = '11111111-1111-4111-8111-111111111111';
const call = (state: CallView['state']): CallView =>
  CallView.parse({
    closesOn: '2026-05-31',
    createdAt: '2026-03-01T00:00:00.000Z',
    fiscalYear: 2026,
    id: CALL_ID,
    monthlyReportDueDay: 10,
    opensOn: '2026-04-01',
    presetId: 'C3P_FY2026_CALL1',
    round: 1,
    state,
    titleEn: 'FY2026 call, round 1',
    titleJa: '令和8年度 第1回公募',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });

async function open() {
  const fixture = TestBed.createComponent(JcmCallDetailPageComponent);
  fixture.componentRef.setInput('id', CALL_ID);
  await settled(fixture);
  return fixture;
}

function answerCall(value: CallView | 'missing') {
  const request = http().expectOne(`/api/v1/calls/${CALL_ID}`);
  if (value === 'missing') request.flush(...errorReply(404, 'NOT_FOUND', 'Call not found'));
  else request.flush(value);
}

function answerProposals() {
  for (const request of http().match((r) => r.url === '/api/v1/proposals'))
    request.flush({ items: [], total: 0 });
}

describe('JcmCallDetailPageComponent (公募の詳細)', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: portalTestProviders() }));
  afterEach(() => {
    http().verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
  });

  it('shows loading, then the call in Japanese with its dates, and MOE its one next step', async () => {
    signInAs('MOE', ORG.moe);
    const fixture = await open();
    expect(fixture.nativeElement.textContent).toContain('読み込み中');
    answerCall(call('draft'));
    answerProposals();
    const el = await settled(fixture);
    expect(byTestId(el, 'call-title')?.textContent).toBe('令和8年度 第1回公募');
    expect(el.textContent).toContain('2026年4月1日 – 2026年5月31日');
    expect(el.textContent).toContain('2026年度');
    expect(byTestId(el, 'call-publish')).not.toBeNull();
    expect(byTestId(el, 'call-close')).toBeNull();
  });

  it('shows the refusal when an action fails, keeps the state, and lets the user try again', async () => {
    signInAs('MOE', ORG.moe);
    const fixture = await open();
    answerCall(call('draft'));
    answerProposals();
    let el = await settled(fixture);
    byTestId(el, 'call-publish')!.click();
    el = await settled(fixture);
    expect(byTestId(el, 'call-publish')?.hasAttribute('disabled')).toBe(true);
    http()
      .expectOne({ method: 'POST', url: `/api/v1/calls/${CALL_ID}/publish` })
      .flush(...errorReply(409, 'CONFLICT', 'Call is not a draft'));
    el = await settled(fixture);
    const problem = byTestId(el, 'problem');
    expect(problem?.textContent).toContain('現在の状態ではこの操作はできません。');
    expect(problem?.textContent).toContain('Call is not a draft');
    expect(byTestId(el, 'call-publish')?.hasAttribute('disabled')).toBe(false);
  });

  it('after a successful action says so and shows the reloaded state', async () => {
    signInAs('MOE', ORG.moe);
    const fixture = await open();
    answerCall(call('draft'));
    answerProposals();
    let el = await settled(fixture);
    byTestId(el, 'call-publish')!.click();
    await settled(fixture);
    http()
      .expectOne({ method: 'POST', url: `/api/v1/calls/${CALL_ID}/publish` })
      .flush(call('published'));
    await settled(fixture);
    answerCall(call('published'));
    answerProposals();
    el = await settled(fixture);
    expect(byTestId(el, 'problem')).toBeNull();
    expect(el.querySelector('[role="status"]')?.textContent).toBeTruthy();
    expect(byTestId(el, 'call-close')).not.toBeNull();
  });

  it('says not found for an unknown call', async () => {
    signInAs('COMPANY', ORG.company);
    const fixture = await open();
    answerCall('missing');
    answerProposals();
    const el = await settled(fixture);
    expect(el.querySelector('h1')?.textContent).toBe('見つかりません');
  });

  it('tells a municipality that the representative company applies (C3P-E1) instead of offering nothing (#16 item 1)', async () => {
    signInAs('MUNICIPALITY', ORG.municipality);
    const fixture = await open();
    answerCall(call('published'));
    answerProposals();
    const el = await settled(fixture);
    const note = byTestId(el, 'call-applicant-note');
    expect(note?.textContent).toContain('日本の自治体が自ら応募することは想定されていません');
    expect(note?.textContent).toContain('C3P-E1');
    expect(byTestId(el, 'proposal-new')).toBeNull();
  });

  it('tells a partner city the same in English, and a company gets the proposal button instead', async () => {
    signInAs('PARTNER_CITY', ORG.partner);
    let fixture = await open();
    answerCall(call('published'));
    answerProposals();
    let el = await settled(fixture);
    expect(byTestId(el, 'call-applicant-note')?.textContent).toContain(
      'Overseas partner cities do not apply themselves',
    );
    fixture.destroy();

    signInAs('COMPANY', ORG.company);
    fixture = await open();
    answerCall(call('published'));
    answerProposals();
    el = await settled(fixture);
    expect(byTestId(el, 'call-applicant-note')).toBeNull();
    expect(byTestId(el, 'proposal-new')).not.toBeNull();
  });

  it('asks before closing the call, with the number of proposals it holds (#16 item 3)', async () => {
    signInAs('MOE', ORG.moe);
    const fixture = await open();
    answerCall(call('published'));
    for (const request of http().match((r) => r.url === '/api/v1/proposals'))
      request.flush({ items: [], total: 3 });
    let el = await settled(fixture);
    byTestId(el, 'call-close')!.click();
    await settled(fixture);
    http().expectNone({ method: 'POST', url: `/api/v1/calls/${CALL_ID}/close` });
    const dialog = document.querySelector<HTMLElement>('[data-testid="confirm-dialog"]')!;
    expect(dialog.querySelector('[data-testid="confirm-proposals"]')?.textContent).toBe('3件');
    expect(dialog.textContent).toContain('令和8年度 第1回公募');
    dialog.querySelector<HTMLElement>('[data-testid="confirm-ok"]')!.click();
    el = await settled(fixture);
    http()
      .expectOne({ method: 'POST', url: `/api/v1/calls/${CALL_ID}/close` })
      .flush(call('closed'));
    await settled(fixture);
    answerCall(call('closed'));
    answerProposals();
    el = await settled(fixture);
    expect(byTestId(el, 'call-state')?.textContent).toBe('締切');
  });
});
