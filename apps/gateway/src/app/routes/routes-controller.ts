import {
  applyDecorators,
  Controller,
  HttpCode,
  Inject,
  RequestMethod,
  RequestMapping,
  Req,
  Res,
  Type,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, MeResponse, RequestContext } from '@jcm/contracts';
import { Ctx, Me, Public } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { GatewayServices } from './gateway-services';
import { GatewayRoute, RouteArea, RouteCall } from './route';

/**
 * Mounts one route table as an ordinary Nest controller: one handler per declared route, with the same decorators a
 * hand-written controller would carry (@Post(path), @HttpCode, @Public), so guards, the audit interceptor and the
 * error filter see no difference. Routes are registered in table order (Express matches the first).
 */
export function routesController({ area, routes }: RouteArea): Type<unknown> {
  @Controller()
  class RoutesController {
    constructor(@Inject(GatewayServices) readonly services: GatewayServices) {}
  }
  Object.defineProperty(RoutesController, 'name', { value: `${area.replace(/\W/g, '')}RoutesController` });
  const proto = RoutesController.prototype as unknown as Record<string, unknown>;
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    proto[key] = async function (
      this: RoutesController,
      req: Request,
      res: Response,
      ctx?: RequestContext,
      me?: MeResponse,
    ) {
      return runRoute(
        r,
        {
          ctx: ctx ?? null,
          me: me ?? null,
          params: req.params as Record<string, string>,
          rawBody: req.body,
          res,
          clientAddress: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
          services: this.services,
        },
        req,
      );
    };
    const descriptor = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
    Req()(proto, key, 0);
    Res({ passthrough: true })(proto, key, 1);
    if (r.auth !== 'public') {
      Ctx()(proto, key, 2);
      Me()(proto, key, 3);
    }
    applyDecorators(
      RequestMapping({
        path: r.path.replace(/^\/api\/v1(?=\/)/, '') || '/',
        method: RequestMethod[r.method],
      }),
      HttpCode(r.status),
      ...(r.auth === 'public' ? [Public()] : []),
    )(proto, key, descriptor);
  }
  return RoutesController;
}

type AnyCall = RouteCall<'user' | 'public', Record<string, string>> & {
  ctx: RequestContext | null;
  me: MeResponse | null;
};

/** Parses the input as the declaration says, then forwards it over NATS or runs the route's own code. */
export async function runRoute(
  r: GatewayRoute,
  call: AnyCall,
  req: Pick<Request, 'params' | 'query' | 'body'>,
): Promise<unknown> {
  const spec = r.spec;
  assertIdempotencyDeclared(r, call.ctx);
  const params = (spec.params ? parseInput(spec.params, req.params, 'path') : req.params) as Record<
    string,
    unknown
  >;
  const fromPath = spec.params
    ? {}
    : Object.fromEntries(Object.entries(req.params).map(([k, v]) => [spec.pathAs?.[k] ?? k, v]));
  let input: unknown = spec.params ? params : {};
  const merge = (raw: unknown) => (Object.keys(fromPath).length ? { ...asObject(raw), ...fromPath } : raw);
  if (spec.body && !spec.bodyParsedByHandler) {
    assertBodyShape(r.method, req.body);
    input = parseInput(spec.body, merge(req.body));
  } else if (spec.query) input = parseInput(spec.query, merge(req.query), 'query');
  const withParams = { ...call, params } as never;
  if (spec.handle) return spec.handle(input as never, withParams);
  const rpc = spec.rpc as NonNullable<typeof spec.rpc>;
  const data = spec.prepare ? await spec.prepare(input as never, withParams) : input;
  return call.services.bus.send(rpc.subject, call.ctx, data, spec.response, rpc.timeoutMs);
}

/**
 * An Idempotency-Key is honoured exactly where a route declares `idempotencyKey` (its service runs the command under
 * service-kit's `runIdempotent`); elsewhere it is refused rather than ignored, so a client never believes a retry
 * of, say, a state transition is de-duplicated when it is not.
 */
function assertIdempotencyDeclared(r: GatewayRoute, ctx: RequestContext | null): void {
  if (r.idempotencyKey || ctx?.idempotencyKey === undefined) return;
  throw new DomainError('VALIDATION_FAILED', `${r.method} ${r.path} does not take an Idempotency-Key.`, [
    { path: 'Idempotency-Key', message: 'Not accepted on this route' },
  ]);
}

/**
 * A route's JSON body is an object (an absent body counts as `{}`), and a PATCH changes something: an array, a bare
 * value or `{}` is a 400 before anything is sent, so no event is written for a change that is not one.
 */
function assertBodyShape(method: GatewayRoute['method'], body: unknown): void {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (body !== undefined && !isObject)
    throw new DomainError('VALIDATION_FAILED', 'The request body must be a JSON object.', [
      { path: '(root)', message: 'Expected an object' },
    ]);
  if (method === 'PATCH' && (!isObject || Object.keys(body as object).length === 0))
    throw new DomainError('VALIDATION_FAILED', 'Nothing to change: send at least one field.', [
      { path: '(root)', message: 'At least one field' },
    ]);
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
