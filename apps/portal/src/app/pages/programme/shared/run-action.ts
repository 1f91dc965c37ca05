import { WritableSignal } from '@angular/core';
import { Observable } from 'rxjs';

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
