import { LoginRequest, LoginResponse, MeResponse } from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

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
    handle: ({ email, password }, { services }) => services.auth.login(email, password),
  }),
  route({
    method: 'GET',
    path: 'me',
    summary: 'Who am I: user, organisation, role',
    response: MeResponse,
    handle: (_, { me }) => me,
  }),
]);
