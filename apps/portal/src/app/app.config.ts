import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';

import { UiTranslator } from '@jcm/portal-ui';

import { routes } from './app.routes';
import { authInterceptor } from './core/auth.interceptor';
import { PageTitleStrategy } from './core/page-title.strategy';
import { TranslationService } from './i18n/translation.service';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideZonelessChangeDetection(),
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
    // @jcm/portal-ui's components and pipes translate through the portal's dictionaries (which include theirs).
    { provide: UiTranslator, useExisting: TranslationService },
  ],
};
