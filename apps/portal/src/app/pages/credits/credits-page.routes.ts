import { Routes } from '@angular/router';

import { JcmAccountDetailPageComponent } from './account-detail/account-detail-page.component';
import { JcmAccountListPageComponent } from './account-list/account-list-page.component';
import { JcmIssuePageComponent } from './issue/issue-page.component';
import { creditsAreaGuard, issueGuard } from './shared/credits-access';

/** クレジット口座 (signed in): accounts, one account with its blocks and movements, issuance (MOE). */
export const routes: Routes = [
  {
    canActivate: [creditsAreaGuard],
    children: [
      { component: JcmAccountListPageComponent, path: '', title: 'credits.title' },
      { canActivate: [issueGuard], component: JcmIssuePageComponent, path: 'issue', title: 'issue.title' },
      { component: JcmAccountDetailPageComponent, path: 'accounts/:id', title: 'account.title' },
    ],
    path: '',
  },
];
