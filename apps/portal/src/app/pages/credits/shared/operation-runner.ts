import { signal } from '@angular/core';
import { Observable } from 'rxjs';

import { FieldIssue } from '@jcm/contracts';

import { newIdempotencyKey } from '../../../core/idempotency';
import { errorMessageOf, fieldIssuesOf, httpStatus } from '../../../services/api-error';
import { FormMessage } from './quantity';

/**
 * State of one registry command form: its Idempotency-Key, a guard against double submission, and the outcome.
 * The key is made when the form opens and renewed after a success or a definite refusal (4xx: nothing was
 * recorded, and the user may change the input). After a network error or 5xx the outcome is unknown, so the
 * key is kept: the retry is answered with the first attempt's result instead of moving credits twice.
 */
export class OperationRunner<T> {
  private key = newIdempotencyKey();
  public readonly submitting = signal(false);
  public readonly result = signal<T | null>(null);
  public readonly error = signal<FormMessage | null>(null);
  public readonly issues = signal<FieldIssue[]>([]);

  public run(
    request: (idempotencyKey: string) => Observable<T>,
    handlers: { done: (result: T) => void; conflict?: () => void },
  ): void {
    if (this.submitting()) return;
    this.submitting.set(true);
    this.result.set(null);
    this.error.set(null);
    this.issues.set([]);
    request(this.key).subscribe({
      error: (error: unknown) => {
        this.submitting.set(false);
        const status = httpStatus(error);
        if (status >= 400 && status < 500) this.key = newIdempotencyKey();
        this.error.set(messageFor(status, error));
        if (status === 400) this.issues.set(fieldIssuesOf(error));
        if (status === 409) handlers.conflict?.();
      },
      next: (result) => {
        this.submitting.set(false);
        this.key = newIdempotencyKey();
        this.result.set(result);
        handlers.done(result);
      },
    });
  }

  public issuesFor(path: string): string[] {
    return this.issues()
      .filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
      .map((issue) => issue.message);
  }

  public reset(): void {
    this.result.set(null);
    this.error.set(null);
    this.issues.set([]);
  }
}

function messageFor(status: number, error: unknown): FormMessage {
  if (status === 400) return { key: 'calc.errorSummary' };
  if (status === 403) return { key: 'op.err.forbidden' };
  if (status === 404) return { key: 'op.err.notFound' };
  if (status === 409) return { key: 'op.err.conflict' };
  if (status === 422) return { key: 'op.err.rule', params: { message: errorMessageOf(error) ?? '' } };
  return { key: 'op.err.failed' };
}
