import { z } from 'zod';
import { DomainError } from '@jcm/contracts';

/** Validates a request body or query at the edge: a 400 that names every bad field, and nothing else happens. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw DomainError.validation(result.error, what);
  return result.data;
}
