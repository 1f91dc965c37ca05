import { DomainError } from '@jcm/contracts';

/** Refuses a transition from the wrong state with CONFLICT, naming both states. */
export function assertState<S extends string>(
  what: string,
  current: S,
  allowed: readonly S[],
  action: string,
): void {
  if (!allowed.includes(current)) {
    throw new DomainError(
      'CONFLICT',
      `Cannot ${action} a ${what} in state ${current} (allowed from: ${allowed.join(', ')}).`,
    );
  }
}

/** Another tenant's record is reported exactly like a missing one: existence is not disclosed. */
export function notFound(what: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} ${id} not found`);
}

export function forbidden(message: string): DomainError {
  return new DomainError('FORBIDDEN', message);
}
