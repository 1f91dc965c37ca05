import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { buildOpenApi, GatewayRoute } from './openapi';
import { ROUTE_DOCS } from './route-docs';

export const GATEWAY_ROUTES = 'JCM_GATEWAY_ROUTES';

/** GET /api/docs: the OpenAPI document (DESIGN §2), built once from the controllers and the contracts. */
@Controller('api/docs')
export class DocsController {
  private readonly document: object;

  constructor(@Inject(GATEWAY_ROUTES) routes: GatewayRoute[]) {
    this.document = buildOpenApi(routes, ROUTE_DOCS);
  }

  @Public()
  @Get()
  openApi(): object {
    return this.document;
  }
}
