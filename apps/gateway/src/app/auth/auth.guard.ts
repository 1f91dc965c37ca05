import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, MeResponse, RequestContext } from '@jcm/contracts';
import { assertIdempotencyKey } from '@jcm/service-kit';
import { AuthService } from './auth.service';

const PUBLIC = 'jcm:public';
/** Marks a route that needs no sign-in (login, health, public calculators and registry). */
export const Public = () => SetMetadata(PUBLIC, true);

type AuthedRequest = Request & { jcm?: { ctx: RequestContext; me: MeResponse } };

/** Every route is private unless marked @Public(): forgetting the decorator fails closed. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const authed = await this.auth.authenticate(req.headers.authorization, header(req, 'x-correlation-id'));
    // An over-long or malformed key is refused (400), never dropped: a client must not believe a retry is safe.
    const idempotencyKey = firstValue(req, 'idempotency-key');
    if (idempotencyKey !== undefined) assertIdempotencyKey(idempotencyKey);
    req.jcm = { ...authed, ctx: { ...authed.ctx, ...(idempotencyKey ? { idempotencyKey } : {}) } };
    return true;
  }
}

function header(req: Request, name: string): string | undefined {
  const s = firstValue(req, name);
  return s && s.length <= 200 ? s : undefined;
}

function firstValue(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The caller's RequestContext, set by AuthGuard. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  return authenticated(context).ctx;
});

export const Me = createParamDecorator((_: unknown, context: ExecutionContext): MeResponse => {
  return authenticated(context).me;
});

/** The guard's result; a route marked @Public() that asks for the caller is a programming error, not a 500 later. */
function authenticated(context: ExecutionContext): NonNullable<AuthedRequest['jcm']> {
  const jcm = context.switchToHttp().getRequest<AuthedRequest>().jcm;
  if (!jcm) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return jcm;
}

export function requestContextOf(req: Request): RequestContext | undefined {
  return (req as AuthedRequest).jcm?.ctx;
}
