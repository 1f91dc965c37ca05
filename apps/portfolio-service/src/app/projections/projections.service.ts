import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MessagingRuntime } from '@jcm/service-kit';
import { handlersFor, PROJECTED_SOURCES } from './projection-handlers';

/** Keeps the portfolio projections current: one durable consumer per producing service (`portfolio-service--<source>`). */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap {
  constructor(private readonly messaging: MessagingRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const source of PROJECTED_SOURCES) await this.messaging.subscribe(source, handlersFor(source));
  }
}
