import { Routes } from '@angular/router';

import { JcmLoginPageComponent } from './login-page.component';

export const routes: Routes = [{ component: JcmLoginPageComponent, path: '', title: 'login.title' }];
