import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';

import { canCreatePartnership } from '@jcm/contracts';

import { SessionService } from '../../core/session.service';
import { JcmPartnershipDetailPageComponent } from './partnership-detail/partnership-detail-page.component';
import { JcmPartnershipListPageComponent } from './partnership-list/partnership-list-page.component';
import { JcmPartnershipNewPageComponent } from './partnership-new/partnership-new-page.component';

/** The form is for MOE, the secretariat and municipality editors/admins; others land on the list. */
const canCreatePartnershipGuard: CanActivateFn = () => {
  const actor = inject(SessionService).actor();
  return (actor !== null && canCreatePartnership(actor)) || inject(Router).createUrlTree(['/partnerships']);
};

/** 都市間連携: list, register, detail. `new` comes before `:id` so it is not read as an id. */
export const routes: Routes = [
  { component: JcmPartnershipListPageComponent, path: '', title: 'partnerships.title' },
  {
    canActivate: [canCreatePartnershipGuard],
    component: JcmPartnershipNewPageComponent,
    path: 'new',
    title: 'partnershipNew.title',
  },
  { component: JcmPartnershipDetailPageComponent, path: ':id', title: 'partnership.detailTitle' },
];
