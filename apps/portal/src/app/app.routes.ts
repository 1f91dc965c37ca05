import { Routes } from '@angular/router';

import { JcmShellComponent } from './components/shell/shell.component';
import { authGuard } from './core/auth.guard';

/** One lazy chunk per user area (`pages/<area>/<area>-page.routes.ts`); signed-in areas sit inside the shell. */
export const routes: Routes = [
  { loadChildren: () => import('./pages/login/login-page.routes').then((m) => m.routes), path: 'login' },
  {
    // Public (no sign-in): the calculators area owns this folder.
    loadChildren: () => import('./pages/calculators/calculators-page.routes').then((m) => m.routes),
    path: 'calculators',
  },
  {
    canActivate: [authGuard],
    children: [
      {
        loadChildren: () => import('./pages/partnerships/partnerships-page.routes').then((m) => m.routes),
        path: 'partnerships',
      },
      { path: '', pathMatch: 'full', redirectTo: 'partnerships' },
    ],
    component: JcmShellComponent,
    path: '',
  },
  { path: '**', redirectTo: '' },
];
