import { ActionRunner, Problem, errorMessageOf, problemOf } from '@jcm/portal-ui';

/**
 * How a refused registry command reads on the credits pages: the registry's own wording (a conflict means the
 * balance or version moved, so the page reloads), with the field issues of a 400 kept for the fields.
 */
export function creditsProblemOf(error: unknown): Problem {
  const problem = problemOf(error);
  const status = problem.status ?? 0;
  if (status === 400) return { ...problem, key: 'calc.errorSummary' };
  if (status === 403) return { ...problem, key: 'op.err.forbidden' };
  if (status === 404) return { ...problem, key: 'op.err.notFound' };
  if (status === 409) return { ...problem, key: 'op.err.conflict' };
  if (status === 422)
    return { ...problem, key: 'op.err.rule', params: { message: errorMessageOf(error) ?? '' } };
  return { ...problem, key: 'op.err.failed' };
}

/** A registry command's runner: one Idempotency-Key per intent, so a double click or a retry moves credits once. */
export function creditsRunner<T>(): ActionRunner<T> {
  return new ActionRunner<T>({ describe: creditsProblemOf });
}
