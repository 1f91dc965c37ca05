import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { firstValueFrom, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { healthSubject, SERVICE_NAMES } from '@jcm/contracts';
import { DATA_SOURCE, ServiceHealth } from '@jcm/service-kit';
import { Public } from '../auth/auth.guard';
import { ServiceBus } from '../nats-client';

/** GET /api/v1/health: the gateway's own PostgreSQL, and every service's PostgreSQL and NATS, asked over NATS. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly bus: ServiceBus,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const gatewayPg = await this.ds.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
    const services = await Promise.all(
      SERVICE_NAMES.map((service) =>
        firstValueFrom(this.bus.client.send<ServiceHealth>(healthSubject(service), {}).pipe(timeout(2000))).catch(
          (): ServiceHealth => ({ service, status: 'degraded', postgres: 'down', nats: 'down' }),
        ),
      ),
    );
    const ok = gatewayPg === 'up' && this.bus.connected() && services.every((s) => s.status === 'ok');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', gateway: { postgres: gatewayPg, nats: this.bus.connected() ? 'up' : 'down' }, services };
  }
}
