import { Controller, Get, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from './messaging-runtime';
import { DATA_SOURCE, SERVICE_NAME } from './tokens';

export interface ServiceHealth {
  service: string;
  status: 'ok' | 'degraded';
  postgres: 'up' | 'down';
  nats: 'up' | 'down';
}

export async function checkHealth(service: string, ds: DataSource, runtime: MessagingRuntime): Promise<ServiceHealth> {
  const postgres = await ds.query('SELECT 1').then(
    () => 'up' as const,
    () => 'down' as const,
  );
  const nats = runtime.natsConnected() ? ('up' as const) : ('down' as const);
  return { service, status: postgres === 'up' && nats === 'up' ? 'ok' : 'degraded', postgres, nats };
}

/** Builds the health controller of a service: `/health` over HTTP for probes, `<service>.health.check` over NATS. */
export function healthControllerFor(service: string) {
  @Controller()
  class HealthController {
    constructor(
      @Inject(DATA_SOURCE) private readonly ds: DataSource,
      @Inject(SERVICE_NAME) private readonly name: string,
      private readonly runtime: MessagingRuntime,
    ) {}

    @Get('health')
    http(): Promise<ServiceHealth> {
      return checkHealth(this.name, this.ds, this.runtime);
    }

    @MessagePattern(`${service}.health.check`)
    rpc(): Promise<ServiceHealth> {
      return checkHealth(this.name, this.ds, this.runtime);
    }
  }
  return HealthController;
}
