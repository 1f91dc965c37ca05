import { TestBed } from '@angular/core/testing';

import { IDS, callView } from '../../../../testing/programme-fixtures';
import {
  ORG,
  byTestId,
  http,
  portalTestProviders,
  settled,
  signInAs,
} from '../../../../testing/portal-testing';
import { JcmProposalNewPageComponent } from './proposal-new-page.component';

async function open(state: Parameters<typeof callView>[0]) {
  const fixture = TestBed.createComponent(JcmProposalNewPageComponent);
  fixture.componentRef.setInput('callId', IDS.call);
  await settled(fixture);
  http().expectOne(`/api/v1/calls/${IDS.call}`).flush(callView(state));
  for (const r of http().match(
    (req) => req.url === '/api/v1/organisations' || req.url === '/api/v1/partnerships',
  ))
    r.flush({ items: [], total: 0 });
  return settled(fixture);
}

describe('JcmProposalNewPageComponent (企画書の作成)', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: portalTestProviders() });
    signInAs('COMPANY', ORG.company);
  });
  afterEach(() => http().verify());

  it('offers the form for an open call', async () => {
    const el = await open('published');
    expect(el.querySelector('form')).not.toBeNull();
    expect(byTestId(el, 'proposal-call-closed')).toBeNull();
  });

  it('does not open the form for a closed call, and says why (#16 item 14)', async () => {
    const el = await open('closed');
    expect(el.querySelector('form')).toBeNull();
    expect(byTestId(el, 'proposal-call-closed')?.textContent).toContain(
      '「令和8年度 第1回公募」は現在「締切」のため',
    );
  });
});
