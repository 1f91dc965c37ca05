import { Routes } from '@angular/router';

import { JcmMrvHomePageComponent } from './mrv-home-page.component';
import { JcmMrvReportPageComponent } from './mrv-report-page.component';
import { JcmMrvTracePageComponent } from './mrv-trace-page.component';

/** MRV (signed in): projects and reports (company), the verification queue (TPE), all of them (MOE), the trace page. */
export const routes: Routes = [
  { component: JcmMrvHomePageComponent, path: '', title: 'mrv.title' },
  { component: JcmMrvTracePageComponent, path: 'trace', title: 'mrv.trace.title' },
  { component: JcmMrvReportPageComponent, path: 'reports/:id', title: 'mrv.title' },
];
