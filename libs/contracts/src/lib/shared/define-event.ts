import * as z from 'zod';

/**
 * A domain event (DESIGN §4): its type without the stream prefix (`<service>.<aggregate>.<past-tense>`) and the
 * schema its payload must match. Producers and consumers share one definition, so a payload cannot drift from the
 * schema its consumers parse.
 */
export interface EventDefinition<S extends z.ZodTypeAny = z.ZodTypeAny, T extends string = string> {
  readonly type: T;
  readonly schema: S;
}

/** The payload type of an event definition. */
export type EventPayload<E extends EventDefinition> = z.infer<E['schema']>;

export function defineEvent<const T extends string, S extends z.ZodTypeAny>(
  type: T,
  schema: S,
): EventDefinition<S, T> {
  return { type, schema };
}
