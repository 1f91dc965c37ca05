/** The service's clock, injected so tests can pin "today"; rules never read it themselves. */
export const PROGRAMME_CLOCK = 'JCM_PROGRAMME_CLOCK';
export type Clock = () => Date;

export function todayUtc(clock: Clock): string {
  return clock().toISOString().slice(0, 10);
}
