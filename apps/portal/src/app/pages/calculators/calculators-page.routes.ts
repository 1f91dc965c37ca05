import { Routes } from '@angular/router';

/**
 * Public calculators area (no sign-in), lazy-loaded at `/calculators` by app.routes.ts.
 * Placeholder until the calculators pages land: sends visitors home. When they land, also add the area to
 * core/portal-areas.ts with `audience: 'all'`.
 */
export const routes: Routes = [{ path: '**', redirectTo: '/' }];
