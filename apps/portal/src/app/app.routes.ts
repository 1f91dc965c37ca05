import { Routes } from '@angular/router';

import { JcmShellComponent } from './components/shell/shell.component';
import { authGuard, signedInMatch } from './core/auth.guard';

/** One lazy chunk per user area (`pages/<area>/<area>-page.routes.ts`); signed-in areas sit inside the shell. */
export const routes: Routes = [
  { loadChildren: () => import('./pages/login/login-page.routes').then((m) => m.routes), path: 'login' },
  // Signed in, the public pages open inside the shell, so the main menu stays (#16 item 14); otherwise in the
  // public frame below. A stale token simply falls through to the public page.
  {
    canMatch: [signedInMatch],
    children: [
      {
        loadChildren: () =>
          import('./pages/calculators/calculators-page.routes').then((m) => m.calculatorPages),
        path: '',
      },
    ],
    component: JcmShellComponent,
    path: 'calculators',
  },
  {
    canMatch: [signedInMatch],
    children: [
      {
        loadChildren: () => import('./pages/registry/registry-page.routes').then((m) => m.registryPages),
        path: '',
      },
    ],
    component: JcmShellComponent,
    path: 'registry',
  },
  {
    // Public (no sign-in): the calculators area owns this folder.
    loadChildren: () => import('./pages/calculators/calculators-page.routes').then((m) => m.routes),
    path: 'calculators',
  },
  {
    // Public (no sign-in): the registry's aggregate figures.
    loadChildren: () => import('./pages/registry/registry-page.routes').then((m) => m.routes),
    path: 'registry',
  },
  {
    canActivate: [authGuard],
    children: [
      {
        loadChildren: () => import('./pages/partnerships/partnerships-page.routes').then((m) => m.routes),
        path: 'partnerships',
      },
      {
        // 都市間連携事業の年度: 公募 → 企画書 → 採択 → 単年度契約 → 月次報告.
        loadChildren: () => import('./pages/programme/programme-page.routes').then((m) => m.routes),
        path: 'programme',
      },
      {
        loadChildren: () => import('./pages/credits/credits-page.routes').then((m) => m.routes),
        path: 'credits',
      },
      { path: '', pathMatch: 'full', redirectTo: 'partnerships' },
    ],
    component: JcmShellComponent,
    path: '',
  },
  { path: '**', redirectTo: '' },
];
