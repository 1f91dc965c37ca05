import { Routes } from '@angular/router';

import { JcmPublicFrameComponent } from '../../components/public-frame/public-frame.component';
import { JcmRegistryPageComponent } from './registry-page.component';

/** Public registry information (no sign-in), lazy-loaded at `/registry`. */
export const routes: Routes = [
  {
    children: [{ component: JcmRegistryPageComponent, path: '', title: 'registry.title' }],
    component: JcmPublicFrameComponent,
    path: '',
  },
];
