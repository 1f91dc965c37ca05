import { Controller, Get, Inject, Res } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from './messaging-runtime';
import { DATA_SOURCE, SERVICE_NAME } from './tokens';

export type Dependency = 'up' | 'down';

export interface ServiceHealth {
  service: string;
  /** `ok`: every dependency up and not shutting down, so the process can serve (readiness). */
  status: 'ok' | 'degraded';
  postgres: Dependency;
  nats: Dependency;
  jetstream: Dependency;
  /** True from SIGTERM on: the replica is finishing its work and takes no new requests. */
  draining: boolean;
}

/** A probe that hangs is a failed probe: a stopped PostgreSQL host must not stall the health endpoint. */
const PROBE_TIMEOUT_MS = 1500;

async function postgresUp(ds: DataSource): Promise<Dependency> {
  if (!ds.isInitialized) return 'down';
  const probe = ds.query('SELECT 1').then(
    () => 'up' as const,
    () => 'down' as const,
  );
  return Promise.race([
    probe,
    new Promise<Dependency>((r) => setTimeout(() => r('down'), PROBE_TIMEOUT_MS).unref()),
  ]);
}

/** Reports each dependency as it is now (issue #14 #4: NATS from status events, not `!isClosed()`). */
export async function checkHealth(
  service: string,
  ds: DataSource,
  runtime: MessagingRuntime,
): Promise<ServiceHealth> {
  const [postgres, jetstream] = await Promise.all([postgresUp(ds), runtime.jetStreamReady(PROBE_TIMEOUT_MS)]);
  const nats: Dependency = runtime.natsConnected() ? 'up' : 'down';
  const draining = runtime.isDraining;
  const ok = postgres === 'up' && nats === 'up' && jetstream && !draining;
  return {
    service,
    status: ok ? 'ok' : 'degraded',
    postgres,
    nats,
    jetstream: jetstream ? 'up' : 'down',
    draining,
  };
}

/**
 * Builds the health controller of a service: `/health` is liveness (200 while the process runs, with the honest
 * dependency report: restarting a process does not bring NATS back), `/health/ready` is readiness (503 unless
 * PostgreSQL, NATS and JetStream are up and the process is not draining), `<service>.health.check` over NATS.
 */
export function healthControllerFor(service: string) {
  @Controller('health')
  class HealthController {
    constructor(
      @Inject(DATA_SOURCE) private readonly ds: DataSource,
      @Inject(SERVICE_NAME) private readonly name: string,
      private readonly runtime: MessagingRuntime,
    ) {}

    @Get()
    live(): Promise<ServiceHealth> {
      return checkHealth(this.name, this.ds, this.runtime);
    }

    @Get('ready')
    async ready(@Res({ passthrough: true }) res: Response): Promise<ServiceHealth> {
      const health = await checkHealth(this.name, this.ds, this.runtime);
      res.status(health.status === 'ok' ? 200 : 503);
      return health;
    }

    @MessagePattern(`${service}.health.check`)
    rpc(): Promise<ServiceHealth> {
      return checkHealth(this.name, this.ds, this.runtime);
    }
  }
  return HealthController;
}
