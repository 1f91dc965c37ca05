import { LoginRequest, LoginResponse, MeResponse } from '@jcm/contracts';
import { route, routeArea } from '../routes/route';
import { LoginThrottled } from './login-throttle';

/** Sign-in and the caller's own identity (computed in the gateway: the identity schema is its own). */
export const AUTH_ROUTES = routeArea('Auth', [
  route({
    method: 'POST',
    path: 'auth/login',
    summary: 'Sign in (returns a bearer token)',
    auth: 'public',
    status: 200,
    body: LoginRequest,
    response: LoginResponse,
    handle: async ({ email, password }, { services, res, clientAddress }) => {
      try {
        return await services.auth.login(email, password, clientAddress);
      } catch (err) {
        // 429 with Retry-After while the account or the client address is throttled (#13 finding 2).
        if (err instanceof LoginThrottled) res.setHeader('Retry-After', String(err.retryAfterSeconds));
        throw err;
      }
    },
  }),
  route({
    method: 'GET',
    path: 'me',
    summary: 'Who am I: user, organisation, role',
    response: MeResponse,
    handle: (_, { me }) => me,
  }),
]);
