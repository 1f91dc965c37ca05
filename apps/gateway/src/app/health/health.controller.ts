import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { firstValueFrom, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { SERVICE_NAMES } from '@jcm/contracts';
import { DATA_SOURCE, ServiceHealth } from '@jcm/service-kit';
import { Public } from '../auth/auth.guard';
import { ServiceBus } from '../nats-client';

/** A service that does not answer its health check within this is reported down, not waited for. */
const SERVICE_PROBE_MS = 2000;

export interface GatewayHealth {
  status: 'ok' | 'degraded';
  gateway: { postgres: 'up' | 'down'; nats: 'up' | 'down' };
  services: ServiceHealth[];
}

/**
 * The platform's health as the gateway sees it: its own PostgreSQL and NATS link (from status events), and every
 * service's PostgreSQL, NATS and JetStream, asked over NATS (a replica answers for its queue group).
 * `GET /api/v1/health` is liveness (200 while the gateway runs, with the report); `GET /api/v1/health/ready` is
 * readiness (503 until everything is up).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly bus: ServiceBus,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @Public()
  @Get()
  live(): Promise<GatewayHealth> {
    return this.check();
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<GatewayHealth> {
    const health = await this.check();
    res.status(health.status === 'ok' ? 200 : 503);
    return health;
  }

  private async check(): Promise<GatewayHealth> {
    const probe = this.ds.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const timer = new Promise<'down'>((r) => setTimeout(() => r('down'), SERVICE_PROBE_MS).unref());
    const nats = this.bus.connected() ? ('up' as const) : ('down' as const);
    const [postgres, services] = await Promise.all([
      Promise.race([probe, timer]),
      Promise.all(SERVICE_NAMES.map((service) => this.probe(service, nats === 'up'))),
    ]);
    const ok = postgres === 'up' && nats === 'up' && services.every((s) => s.status === 'ok');
    return { status: ok ? 'ok' : 'degraded', gateway: { postgres, nats }, services };
  }

  private async probe(service: string, natsUp: boolean): Promise<ServiceHealth> {
    const unknown: ServiceHealth = {
      service,
      status: 'degraded',
      postgres: 'down',
      nats: 'down',
      jetstream: 'down',
      draining: false,
    };
    if (!natsUp) return unknown;
    return firstValueFrom(
      this.bus.client.send<ServiceHealth>(`${service}.health.check`, {}).pipe(timeout(SERVICE_PROBE_MS)),
    ).catch(() => unknown);
  }
}
