import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';

import { httpStatus } from '@jcm/portal-ui';

import { AuthApiService } from '../services/auth-api.service';
import { SessionService } from './session.service';

/** Signed-in areas: needs a token, and loads `/me` once per page load (the token survives reloads). */
export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionService);
  const authApi = inject(AuthApiService);
  const router = inject(Router);
  const loginPage = (reason?: 'expired' | 'unavailable') =>
    router.createUrlTree(['/login'], { queryParams: { reason, returnUrl: state.url } });

  if (session.accessToken() === null) return loginPage();
  if (session.me() !== null) return true;
  return authApi.fetchMe().pipe(
    map((me) => {
      session.setMe(me);
      return true;
    }),
    // 401: the stored token is no longer accepted, so start over. Otherwise the gateway is unreachable:
    // keep the token (a reload may work) but the shell cannot be shown without `/me`. Either way, say why.
    catchError((error: unknown) => {
      const expired = httpStatus(error) === 401;
      if (expired) session.end();
      return of(loginPage(expired ? 'expired' : 'unavailable'));
    }),
  );
};

/**
 * Pages open to everyone (calculators, registry) show the signed-in frame when there is a session: true once
 * `/me` answers for the stored token; false (the public frame) without a token or when it is no longer accepted.
 */
export const signedInMatch: CanMatchFn = () => {
  const session = inject(SessionService);
  if (session.accessToken() === null) return false;
  if (session.me() !== null) return true;
  return inject(AuthApiService)
    .fetchMe()
    .pipe(
      map((me) => {
        session.setMe(me);
        return true;
      }),
      catchError(() => of(false)),
    );
};
