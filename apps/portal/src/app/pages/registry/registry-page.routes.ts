import { Routes } from '@angular/router';

import { JcmPublicFrameComponent } from '../../components/public-frame/public-frame.component';
import { JcmRegistryPageComponent } from './registry-page.component';

export const registryPages: Routes = [
  { component: JcmRegistryPageComponent, path: '', title: 'registry.title' },
];

/** Public registry information (no sign-in), lazy-loaded at `/registry`, in the public frame. */
export const routes: Routes = [{ children: registryPages, component: JcmPublicFrameComponent, path: '' }];
