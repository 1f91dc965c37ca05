import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { migrateServiceSchema } from '@jcm/service-kit';
import { IDENTITY_MIGRATIONS } from '../migrations';
import { GatewayModule } from './app.module';
import { GatewayConfig } from './config/gateway-config';
import { securityHeaders } from './http/security-headers';

export function migrateIdentity(config: GatewayConfig): Promise<string[]> {
  const s = config.service;
  return migrateServiceSchema({
    adminDatabaseUrl: s.adminDatabaseUrl,
    schema: 'identity',
    role: s.dbRole,
    rolePassword: s.dbRolePassword,
    migrations: IDENTITY_MIGRATIONS,
  });
}

/** Builds the gateway: `/api/v1/*` for the API, and the built portal (same origin) for everything else. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger: ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'api/docs', method: RequestMethod.GET }] });
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  const portal = config.portalDist ? resolve(config.portalDist) : null;
  if (portal && existsSync(join(portal, 'index.html'))) {
    app.useStaticAssets(portal, { index: false, maxAge: '1h' });
    // Client-side routes (/partnerships/…) get the app shell; unknown /api paths stay 404 JSON.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(portal, 'index.html'));
    });
  }
  return app;
}
