import { firstValueFrom, timeout } from 'rxjs';
import { z } from 'zod';
import { healthSubject, SERVICE_NAMES } from '@jcm/contracts';
import { ServiceHealth } from '@jcm/service-kit';
import { route, routeArea } from '../routes/route';

const UpDown = z.enum(['up', 'down']);
/** GET /api/v1/health: 200 when everything is up, 503 (same body) when anything is not. */
export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  gateway: z.object({ postgres: UpDown, nats: UpDown }),
  services: z.array(
    z.object({ service: z.string(), status: z.enum(['ok', 'degraded']), postgres: UpDown, nats: UpDown }),
  ),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** The gateway's own PostgreSQL, and every service's PostgreSQL and NATS, asked over NATS. */
export const HEALTH_ROUTES = routeArea('Health', [
  route({
    method: 'GET',
    path: 'health',
    summary: 'PostgreSQL and NATS of the gateway and every service (503 when any is down)',
    auth: 'public',
    response: HealthReport,
    handle: async (_, { services: { ds, bus }, res }): Promise<HealthReport> => {
      const gatewayPg = await ds.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      );
      const services = await Promise.all(
        SERVICE_NAMES.map((service) =>
          firstValueFrom(
            bus.client.send<ServiceHealth>(healthSubject(service), {}).pipe(timeout(2000)),
          ).catch((): ServiceHealth => ({ service, status: 'degraded', postgres: 'down', nats: 'down' })),
        ),
      );
      const ok = gatewayPg === 'up' && bus.connected() && services.every((s) => s.status === 'ok');
      res.status(ok ? 200 : 503);
      return {
        status: ok ? 'ok' : 'degraded',
        gateway: { postgres: gatewayPg, nats: bus.connected() ? 'up' : 'down' },
        services,
      };
    },
  }),
]);
