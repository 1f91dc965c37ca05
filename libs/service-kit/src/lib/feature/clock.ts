import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * The service's clock, injected (`@Inject(CLOCK)`) so tests can pin "today"; rules never read a clock themselves
 * and services never call `new Date()` / `Date.now()`: this file is the one place that does.
 */
export const CLOCK = 'JCM_CLOCK';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `at` (tests, replays). */
export function fixedClock(at: Date | string): Clock {
  const t = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(t.getTime()) };
}

/** The clock's day in UTC, 'YYYY-MM-DD'. */
export function todayUtc(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Provides `CLOCK` to every module of a service (pass a fixed one in tests). */
@Global()
@Module({})
export class ClockModule {
  static register(clock: Clock = systemClock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
