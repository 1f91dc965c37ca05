import type { DataSource } from 'typeorm';
import { firstValueFrom, timeout } from 'rxjs';
import { z } from 'zod';
import { healthSubject, SERVICE_NAMES, ServiceName } from '@jcm/contracts';
import { ServiceHealth } from '@jcm/service-kit';
import type { ServiceBus } from '../nats-client';
import { route, routeArea } from '../routes/route';

/** A dependency that does not answer within this is reported down, not waited for. */
const PROBE_MS = 2000;

const UpDown = z.enum(['up', 'down']);
/** The platform's health: the gateway's own PostgreSQL and NATS link, and each service's dependencies. */
export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  gateway: z.object({ postgres: UpDown, nats: UpDown }),
  services: z.array(
    z.object({
      service: z.string(),
      status: z.enum(['ok', 'degraded']),
      postgres: UpDown,
      nats: UpDown,
      jetstream: UpDown,
      /** From SIGTERM on: the replica finishes its work and takes nothing new. */
      draining: z.boolean(),
    }),
  ),
});
export type HealthReport = z.infer<typeof HealthReport>;

/**
 * Asks every service over NATS (one replica of each queue group answers) and checks the gateway's own
 * PostgreSQL; the NATS link comes from the connection's status events, so an outage reads "down" (issue #14 #4).
 */
async function checkPlatform(ds: DataSource, bus: ServiceBus): Promise<HealthReport> {
  const nats = bus.connected() ? ('up' as const) : ('down' as const);
  const postgres = Promise.race([
    ds.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    ),
    new Promise<'down'>((r) => setTimeout(() => r('down'), PROBE_MS).unref()),
  ]);
  const probe = async (service: ServiceName): Promise<ServiceHealth> => {
    const unknown: ServiceHealth = {
      service,
      status: 'degraded',
      postgres: 'down',
      nats: 'down',
      jetstream: 'down',
      draining: false,
    };
    if (nats === 'down') return unknown;
    return firstValueFrom(
      bus.client.send<ServiceHealth>(healthSubject(service), {}).pipe(timeout(PROBE_MS)),
    ).catch(() => unknown);
  };
  const [pg, services] = await Promise.all([postgres, Promise.all(SERVICE_NAMES.map(probe))]);
  const ok = pg === 'up' && nats === 'up' && services.every((s) => s.status === 'ok');
  return { status: ok ? 'ok' : 'degraded', gateway: { postgres: pg, nats }, services };
}

export const HEALTH_ROUTES = routeArea('Health', [
  route({
    method: 'GET',
    path: 'health',
    summary:
      'Liveness: 200 while the gateway runs, with the honest report of PostgreSQL, NATS and JetStream everywhere',
    auth: 'public',
    response: HealthReport,
    handle: (_, { services: { ds, bus } }): Promise<HealthReport> => checkPlatform(ds, bus),
  }),
  route({
    method: 'GET',
    path: 'health/ready',
    summary:
      'Readiness: 200 when the gateway and every service can serve, 503 (same body) when anything is down',
    auth: 'public',
    response: HealthReport,
    handle: async (_, { services: { ds, bus }, res }): Promise<HealthReport> => {
      const report = await checkPlatform(ds, bus);
      res.status(report.status === 'ok' ? 200 : 503);
      return report;
    },
  }),
]);
