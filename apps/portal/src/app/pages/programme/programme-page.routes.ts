import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';

import { canApply, canManageCalls } from '@jcm/contracts';

import { SessionService } from '../../core/session.service';
import { JcmCallDetailPageComponent } from './calls/call-detail-page.component';
import { JcmCallNewPageComponent } from './calls/call-new-page.component';
import { JcmContractDetailPageComponent } from './contracts/contract-detail-page.component';
import { JcmLeadsPageComponent } from './jcm-leads/jcm-leads-page.component';
import { JcmProgrammeHomePageComponent } from './home/programme-home-page.component';
import { JcmLetterPageComponent } from './letters/letter-page.component';
import { JcmMonthlyReportPageComponent } from './monthly-reports/monthly-report-page.component';
import { JcmProposalDetailPageComponent } from './proposals/proposal-detail-page.component';
import { JcmProposalNewPageComponent } from './proposals/proposal-new-page.component';
import { JcmYearEndPageComponent } from './year-end/year-end-page.component';

/** Forms only for those who may send them; everyone else lands on the programme home. */
const allowed =
  (check: typeof canApply): CanActivateFn =>
  () => {
    const actor = inject(SessionService).actor();
    return (actor !== null && check(actor)) || inject(Router).createUrlTree(['/programme']);
  };

/** 都市間連携事業の年度: 公募 → 企画書 → 採点・採択 → 単年度契約 → 月次報告. `new` comes before `:id`. */
export const routes: Routes = [
  { component: JcmProgrammeHomePageComponent, path: '', title: 'prog.title' },
  {
    canActivate: [allowed(canManageCalls)],
    component: JcmCallNewPageComponent,
    path: 'calls/new',
    title: 'prog.call.newTitle',
  },
  { component: JcmCallDetailPageComponent, path: 'calls/:id', title: 'prog.call.detailTitle' },
  {
    canActivate: [allowed(canApply)],
    component: JcmProposalNewPageComponent,
    path: 'proposals/new',
    title: 'prog.proposal.newTitle',
  },
  { component: JcmProposalDetailPageComponent, path: 'proposals/:id', title: 'prog.proposal.detailTitle' },
  { component: JcmContractDetailPageComponent, path: 'contracts/:id', title: 'prog.contract.detailTitle' },
  { component: JcmYearEndPageComponent, path: 'contracts/:id/year-end', title: 'ye.title' },
  { component: JcmLeadsPageComponent, path: 'jcm-leads', title: 'ye.leads.title' },
  { component: JcmMonthlyReportPageComponent, path: 'reports/:id', title: 'prog.report.detailTitle' },
  { component: JcmLetterPageComponent, path: 'letters/:id', title: 'prog.letter.title' },
];
