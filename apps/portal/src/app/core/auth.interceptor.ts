import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { API, isApiUrl } from './api-paths';
import { SessionService } from './session.service';

/**
 * Adds `Authorization: Bearer` to API calls. A 401 on an authenticated call means the token expired or
 * was revoked: end the session and send the user to the login page, keeping where they were.
 * `/me` is left to its callers (auth guard, login page), which know the URL the user was heading for.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionService);
  const router = inject(Router);
  const token = session.accessToken();
  const authenticated = token !== null && isApiUrl(request.url) && request.url !== API.login;
  const outgoing = authenticated
    ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : request;

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (
        authenticated &&
        request.url !== API.me &&
        error instanceof HttpErrorResponse &&
        error.status === 401
      ) {
        const returnUrl = router.url.startsWith('/login') ? undefined : router.url;
        session.end();
        void router.navigate(['/login'], { queryParams: { reason: 'expired', returnUrl } });
      }
      return throwError(() => error);
    }),
  );
};
