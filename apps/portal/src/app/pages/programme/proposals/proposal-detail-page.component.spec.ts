import { TestBed } from '@angular/core/testing';

import { IDS, proposalView } from '../../../../testing/programme-fixtures';
import {
  ORG,
  byTestId,
  http,
  portalTestProviders,
  settled,
  signInAs,
} from '../../../../testing/portal-testing';
import { JcmProposalDetailPageComponent } from './proposal-detail-page.component';

async function open(state: Parameters<typeof proposalView>[0]) {
  const fixture = TestBed.createComponent(JcmProposalDetailPageComponent);
  fixture.componentRef.setInput('id', IDS.proposal);
  await settled(fixture);
  answer(proposalView(state));
  return { el: await settled(fixture), fixture };
}

function answer(proposal: ReturnType<typeof proposalView>) {
  http().expectOne(`/api/v1/proposals/${IDS.proposal}`).flush(proposal);
  http()
    .expectOne((r) => r.url === '/api/v1/interest-letters')
    .flush({ items: [], total: 0 });
}

function type(el: HTMLElement, testId: string, value: string) {
  const input = byTestId(el, testId) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('JcmProposalDetailPageComponent (企画書の詳細、採点と採択)', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: portalTestProviders() });
    signInAs('MOE', ORG.moe);
  });
  afterEach(() => http().verify());

  it('numbers each score item once and puts both decisions below the reject reason (#16 item 14)', async () => {
    const { el } = await open('submitted');
    const labels = [...el.querySelectorAll('jcm-score-form tbody th label')].map(
      (l) => l.textContent?.trim().split(' ')[0],
    );
    expect(labels.slice(0, 3)).toEqual(['1-1.', '1-2.', '1-3.']);
    expect(new Set(labels).size).toBe(labels.length);
    const reason = byTestId(el, 'reject-reason')!;
    const decisions = byTestId(el, 'proposal-decision-actions')!;
    expect(reason.compareDocumentPosition(decisions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(decisions.contains(byTestId(el, 'proposal-select'))).toBe(true);
    expect(el.querySelector('label[for="reject-reason"]')?.textContent).toContain('不採択の理由');
  });

  it('keeps the saved marks in the score form after saving (#16 item 7)', async () => {
    const { el, fixture } = await open('submitted');
    type(el, 'score-originality', '18');
    type(el, 'score-implementationStructure', '15');
    byTestId(el, 'score-submit')!.click();
    await settled(fixture);
    const scored = proposalView('under_review', {
      maxTotal: 200,
      scoredAt: '2026-05-01T00:00:00.000Z',
      section1: 33,
      section2: 0,
      themeNovelty: null,
      total: 33,
    });
    const sent = http().expectOne({ method: 'POST', url: `/api/v1/proposals/${IDS.proposal}/score` });
    expect(sent.request.body.score.section1).toMatchObject({ originality: 18, implementationStructure: 15 });
    sent.flush(scored);
    await settled(fixture);
    answer(scored);
    await settled(fixture);
    expect(byTestId(el, 'proposal-score')?.textContent).toContain('33 / 200');
    expect((byTestId(el, 'score-originality') as HTMLInputElement).value).toBe('18');
    expect((byTestId(el, 'score-implementationStructure') as HTMLInputElement).value).toBe('15');
  });
});
