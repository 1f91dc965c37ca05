import { z } from 'zod';
import { route, routeArea } from '../routes/route';

export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** GET /api/docs: the OpenAPI document (DESIGN §2), built once from the route tables. Outside /api/v1. */
export const DOCS_ROUTES = routeArea('Docs', [
  route({
    method: 'GET',
    path: 'api/docs',
    unprefixed: true,
    summary: 'This OpenAPI 3.1 document',
    auth: 'public',
    response: OpenApiDocument,
    handle: (_, { services }) => services.openApi as z.infer<typeof OpenApiDocument>,
  }),
]);
