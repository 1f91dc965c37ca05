import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, PROGRAMME_CLOCK } from './clock';

/** Provides the programme clock to every feature module (tests pass a fixed one). */
@Global()
@Module({})
export class ProgrammeSharedModule {
  static register(clock: Clock = () => new Date()): DynamicModule {
    return { module: ProgrammeSharedModule, providers: [{ provide: PROGRAMME_CLOCK, useValue: clock }], exports: [PROGRAMME_CLOCK] };
  }
}
