import { Routes } from '@angular/router';

import { JcmGrantApplicationPageComponent } from './application-page.component';
import { JcmGrantsHomePageComponent } from './grants-home-page.component';

/** JCM補助金: applications and their review. */
export const routes: Routes = [
  { component: JcmGrantsHomePageComponent, path: '', title: 'grants.title' },
  { component: JcmGrantApplicationPageComponent, path: 'applications/:id', title: 'grants.title' },
];
