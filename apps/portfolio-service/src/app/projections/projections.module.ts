import { DynamicModule, Module } from '@nestjs/common';
import { ProjectionsService } from './projections.service';

@Module({})
export class ProjectionsModule {
  /** `live: false` boots without durable consumers (the replay command, and a replay test's empty schema). */
  static register(live = true): DynamicModule {
    return { module: ProjectionsModule, providers: live ? [ProjectionsService] : [] };
  }
}
