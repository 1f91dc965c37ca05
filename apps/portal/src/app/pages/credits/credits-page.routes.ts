import { Routes } from '@angular/router';

import { JcmAccountDetailPageComponent } from './account-detail/account-detail-page.component';
import { JcmAccountListPageComponent } from './account-list/account-list-page.component';
import { JcmIssuePageComponent } from './issue/issue-page.component';
import { JcmPendingIssuancesPageComponent } from './pending/pending-issuances-page.component';
import { creditsAreaGuard, issueGuard, oversightGuard } from './shared/credits-access';

/** クレジット口座 (signed in): accounts, one account with its blocks and movements, issuance (MOE), pending issuances from verified monitoring reports (MOE, secretariat). */
export const routes: Routes = [
  {
    canActivate: [creditsAreaGuard],
    children: [
      { component: JcmAccountListPageComponent, path: '', title: 'credits.title' },
      { canActivate: [issueGuard], component: JcmIssuePageComponent, path: 'issue', title: 'issue.title' },
      {
        canActivate: [oversightGuard],
        component: JcmPendingIssuancesPageComponent,
        path: 'pending',
        title: 'pending.title',
      },
      { component: JcmAccountDetailPageComponent, path: 'accounts/:id', title: 'account.title' },
    ],
    path: '',
  },
];
