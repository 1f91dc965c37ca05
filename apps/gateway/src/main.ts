import 'reflect-metadata';
import type { Server } from 'http';
import { INestApplication, Logger } from '@nestjs/common';
import { onShutdownSignal, SHUTDOWN_GRACE_MS } from '@jcm/service-kit';
import { DemoSeeder } from './app/demo/demo-seeder';
import { loadGatewayConfig } from './app/config/gateway-config';
import { createGatewayApp, migrateIdentity } from './app/create-gateway-app';

/**
 * `main.js migrate` runs the identity migrations; otherwise migrate (unless JCM_SKIP_MIGRATIONS=1) and serve.
 * With JCM_DEMO=1 the demo organisations, accounts and partnerships are loaded once the services answer.
 */
async function main(): Promise<void> {
  const logger = new Logger('gateway');
  const config = loadGatewayConfig();
  if (process.argv[2] === 'migrate') {
    const ran = await migrateIdentity(config);
    logger.log(ran.length ? `migrated: ${ran.join(', ')}` : 'schema up to date');
    return;
  }
  if (process.env['JCM_SKIP_MIGRATIONS'] !== '1') await migrateIdentity(config);
  const app = await createGatewayApp(config);
  await app.listen(config.port, config.host);
  onShutdownSignal('gateway', () => drainAndClose(app));
  logger.log(`gateway on http://localhost:${config.port} (API under /api/v1)`);
  if (process.env['JCM_DEMO'] === '1') await seedWithRetry(app.get(DemoSeeder), logger);
}

/**
 * SIGTERM (issue #14 #3): stop accepting connections, let requests in flight finish (bounded), and only then close
 * the NATS client and the pool they need.
 */
async function drainAndClose(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections between requests would hold close() open; busy ones are closed once their reply is sent.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([closed, deadline]);
  clearInterval(idle);
  server.closeAllConnections();
  await app.close();
}

async function seedWithRetry(seeder: DemoSeeder, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await seeder.seed();
      return;
    } catch (err) {
      if (attempt >= 60) throw err;
      if (attempt % 10 === 1)
        logger.log(`waiting for the services before loading demo data (${(err as Error).message})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
