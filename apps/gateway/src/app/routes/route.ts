import type { Response } from 'express';
import { z } from 'zod';
import { MeResponse, RequestContext } from '@jcm/contracts';
import type { GatewayServices } from './gateway-services';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** `public`: no sign-in (AuthGuard lets it through); `user`: any signed-in user, the service decides the rest. */
export type RouteAuth = 'public' | 'user';
type Schema = z.ZodTypeAny;

/** What a route's code receives besides its parsed input. */
export interface RouteCall<A extends RouteAuth = RouteAuth, P = Record<string, string>> {
  /** The caller's context (with its Idempotency-Key, if sent); null on a public route. */
  ctx: A extends 'public' ? null : RequestContext;
  me: A extends 'public' ? null : MeResponse;
  /** Path parameters, parsed with `params` when the route declares it. */
  params: P;
  /** The raw request body, for the one route whose schema depends on a path parameter (calculators). */
  rawBody: unknown;
  res: Response;
  /** The client's address (req.ip: honours JCM_TRUST_PROXY's X-Forwarded-For, else the socket's), for throttling. */
  clientAddress: string;
  services: GatewayServices;
}

/** A route's input: the parsed body, else the parsed query, else the parsed path parameters, else `{}`. */
type InputOf<B, Q, P> = [B] extends [never]
  ? [Q] extends [never]
    ? [P] extends [never]
      ? Record<string, never>
      : z.infer<P & Schema>
    : z.infer<Q & Schema>
  : z.infer<B & Schema>;
type ParamsOf<P> = [P] extends [never] ? Record<string, string> : z.infer<P & Schema>;

/**
 * One HTTP route, stated once: its schemas parse the input and document it, its `rpc` subject and `response`
 * schema forward it and check the reply, `auth` marks it public or signed-in, and `/api/docs` is built from it.
 *
 * Input rules (the same for every route):
 * - `params` (if declared) parses the path parameters first ("Invalid path: …").
 * - `body` / `query` parse the body / query string. Without `params`, the path parameters are merged into it (path
 *   wins), renamed by `pathAs` (`{ id: 'contractId' }`), so `POST /proposals/:id/score` parses `{ ...body, id }`.
 *   The document shows the body / query without those path fields.
 * - The NATS request carries `prepare(input)` when given (lookups, reshaping), else the input itself.
 * A route without `rpc` computes its answer in the gateway with `handle`.
 */
export interface RouteSpec<
  B extends Schema = never,
  Q extends Schema = never,
  P extends Schema = never,
  R extends Schema = Schema,
  A extends RouteAuth = 'user',
> {
  method: HttpMethod;
  /** Relative to `/api/v1` (Nest style: `proposals/:id/score`), or absolute with `unprefixed`. */
  path: string;
  summary: string;
  auth?: A;
  /** HTTP status of success; Nest's default (201 for POST, else 200) when left out. */
  status?: 200 | 201;
  /** The service de-duplicates a retried command by its `Idempotency-Key` header. */
  idempotencyKey?: boolean;
  params?: P;
  body?: B;
  query?: Q;
  pathAs?: Record<string, string>;
  response: R;
  /** The body is validated by `handle` (its schema depends on a path parameter); `body` then only documents it. */
  bodyParsedByHandler?: boolean;
  /** Served outside `/api/v1` (the OpenAPI document itself). */
  unprefixed?: boolean;
  rpc?: { subject: string; timeoutMs?: number };
  /** Documents a body that is the raw file itself (no JSON parse): the file routes. */
  rawBody?: { mediaTypes: readonly string[] };
  /** Documents a success body that is a file, not JSON. */
  binaryResponse?: { mediaTypes: readonly string[] };
  prepare?: (input: InputOf<B, Q, P>, call: RouteCall<A, ParamsOf<P>>) => unknown;
  handle?: (input: InputOf<B, Q, P>, call: RouteCall<A, ParamsOf<P>>) => z.infer<R> | Promise<z.infer<R>>;
}

/** A declared route as the rest of the gateway (controllers, docs, tests) sees it. */
export interface GatewayRoute {
  area: string;
  method: HttpMethod;
  /** Nest style, as mounted: `/api/v1/partnerships/:id`. */
  path: string;
  /** OpenAPI style: `/api/v1/partnerships/{id}`. */
  openApiPath: string;
  summary: string;
  auth: RouteAuth;
  status: number;
  idempotencyKey: boolean;
  pathParams: string[];
  /** Schemas as documented: path parameters, query and body as the client sends them, and the reply. */
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: Schema;
  subject?: string;
  rawBody?: { mediaTypes: readonly string[] };
  binaryResponse?: { mediaTypes: readonly string[] };
  spec: RouteSpec<Schema, Schema, Schema, Schema, RouteAuth>;
}

/** Declares one route; the generics only carry the schemas' types into `prepare` and `handle`. */
export function route<
  B extends Schema = never,
  Q extends Schema = never,
  P extends Schema = never,
  R extends Schema = Schema,
  A extends RouteAuth = 'user',
>(spec: RouteSpec<B, Q, P, R, A>): RouteSpec<Schema, Schema, Schema, Schema, RouteAuth> {
  if (!spec.rpc === !spec.handle)
    throw new Error(`${spec.method} ${spec.path}: declare either rpc or handle`);
  return spec as unknown as RouteSpec<Schema, Schema, Schema, Schema, RouteAuth>;
}

/** A table of routes shown under one tag in `/api/docs` and mounted as one controller. */
export interface RouteArea {
  area: string;
  routes: GatewayRoute[];
}

export function routeArea(
  area: string,
  specs: RouteSpec<Schema, Schema, Schema, Schema, RouteAuth>[],
): RouteArea {
  return { area, routes: specs.map((spec) => describeRoute(area, spec)) };
}

function describeRoute(
  area: string,
  spec: RouteSpec<Schema, Schema, Schema, Schema, RouteAuth>,
): GatewayRoute {
  const path = spec.unprefixed ? `/${trim(spec.path)}` : `/api/v1/${trim(spec.path)}`;
  const pathParams = [...path.matchAll(/:(\w+)/g)].map(([, name]) => name);
  const merged = spec.params ? [] : pathParams.map((p) => spec.pathAs?.[p] ?? p);
  return {
    area,
    method: spec.method,
    path,
    openApiPath: path.replace(/:(\w+)/g, '{$1}'),
    summary: spec.summary,
    auth: spec.auth ?? 'user',
    status: spec.status ?? (spec.method === 'POST' ? 201 : 200),
    idempotencyKey: spec.idempotencyKey ?? false,
    pathParams,
    params: spec.params ?? pathFieldsOf(spec.body ?? spec.query, pathParams, spec.pathAs),
    query: spec.query && withoutFields(spec.query, merged),
    body: spec.body && withoutFields(spec.body, merged),
    response: spec.response,
    subject: spec.rpc?.subject,
    rawBody: spec.rawBody,
    binaryResponse: spec.binaryResponse,
    spec,
  };
}

const trim = (p: string) => p.replace(/^\/+|\/+$/g, '');

/** The documented body / query: the declared schema without the fields the path fills in. */
function withoutFields(schema: Schema, fields: string[]): Schema {
  if (fields.length === 0 || !(schema instanceof z.ZodObject)) return schema;
  // zod refuses `.omit` on a refined object; the refinements (cross-field checks) do not show in JSON Schema anyway.
  const shape = Object.fromEntries(
    Object.entries(schema.shape as Record<string, Schema>).filter(([k]) => !fields.includes(k)),
  );
  return schema.def.catchall instanceof z.ZodNever ? z.strictObject(shape) : z.object(shape);
}

/** Path parameters merged into a body or query are documented with that schema's field types. */
function pathFieldsOf(
  schema: Schema | undefined,
  pathParams: string[],
  pathAs?: Record<string, string>,
): Schema | undefined {
  if (pathParams.length === 0) return undefined;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, Schema>) : {};
  return z.object(Object.fromEntries(pathParams.map((p) => [p, shape[pathAs?.[p] ?? p] ?? z.string()])));
}
