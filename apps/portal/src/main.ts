import { bootstrapApplication } from '@angular/platform-browser';

import { JcmAppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(JcmAppComponent, appConfig).catch((error: unknown) => console.error(error));
