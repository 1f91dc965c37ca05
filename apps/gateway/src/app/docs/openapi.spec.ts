import { Controller, Get, Patch, Post } from '@nestjs/common';
import * as z from 'zod';
import { buildOpenApi, listRoutes } from './openapi';

@Controller('widgets')
class WidgetsController {
  @Get()
  list() {
    return [];
  }

  @Post(':id/paint')
  paint() {
    return {};
  }

  @Patch(':id')
  rename() {
    return {};
  }

  helper() {
    return 'not a route';
  }
}

describe('OpenAPI from the controllers', () => {
  const routes = listRoutes([WidgetsController]);

  it('lists each decorated handler once, with path parameters in OpenAPI form, and skips plain methods', () => {
    expect(routes).toEqual([
      { method: 'get', path: '/api/v1/widgets', controller: 'Widgets' },
      { method: 'patch', path: '/api/v1/widgets/{id}', controller: 'Widgets' },
      { method: 'post', path: '/api/v1/widgets/{id}/paint', controller: 'Widgets' },
    ]);
  });

  it('attaches zod-derived schemas where a route has a contract, and path parameters everywhere', () => {
    const doc = buildOpenApi(routes, {
      'POST /api/v1/widgets/{id}/paint': { summary: 'Paint', body: z.object({ colour: z.enum(['red', 'blue']) }) },
    }) as { paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown; summary: string }>> };
    const paint = doc.paths['/api/v1/widgets/{id}/paint'].post;
    expect(paint.summary).toBe('Paint');
    expect(paint.parameters?.map((p) => p.name)).toEqual(['id']);
    expect(JSON.stringify(paint.requestBody)).toContain('"enum":["red","blue"]');
    expect(doc.paths['/api/v1/widgets'].get.requestBody).toBeUndefined();
  });
});
