import { WritableSignal, signal } from '@angular/core';
import { Observable } from 'rxjs';

import { MessageKey } from '../../../i18n/messages.ja';
import { Problem, problemOf } from './programme-problems';

/**
 * One programme action from a page: busy while it runs, the last problem cleared, and on failure the reason shown.
 * `next` gets the result once busy is off again.
 */
export function runAction<T>(
  busy: WritableSignal<boolean>,
  problem: WritableSignal<Problem | null>,
  source: Observable<T>,
  next: (result: T) => void,
): void {
  busy.set(true);
  problem.set(null);
  source.subscribe({
    error: (error: unknown) => {
      busy.set(false);
      problem.set(problemOf(error));
    },
    next: (result) => {
      busy.set(false);
      next(result);
    },
  });
}

/** A page's one busy flag, problem and notice: each action runs through it, says what was done, then reloads the page. */
export class PageActions {
  public readonly busy = signal(false);
  public readonly problem = signal<Problem | null>(null);
  public readonly notice = signal<MessageKey | null>(null);

  public constructor(private readonly reload: () => void) {}

  public invalid(key: MessageKey = 'prog.form.required'): void {
    this.notice.set(null);
    this.problem.set({ detail: null, issues: [], key, refusals: [] });
  }

  public act(request: Observable<unknown>, done: MessageKey, after?: () => void): void {
    if (this.busy()) return;
    this.notice.set(null);
    runAction(this.busy, this.problem, request, () => {
      after?.();
      this.notice.set(done);
      this.reload();
    });
  }
}
