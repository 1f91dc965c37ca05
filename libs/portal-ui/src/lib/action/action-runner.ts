import { computed, signal } from '@angular/core';
import { Observable, isObservable } from 'rxjs';

import { Problem, problemOf } from '../problem/problem';
import { newIdempotencyKey } from './idempotency';

export interface ActionHandlers<T> {
  /** After success, once busy is off again. */
  done?: (result: T) => void;
  /** After a failure, with the problem already shown. */
  failed?: (problem: Problem) => void;
}

export interface ActionRunnerOptions {
  /** How a failed call reads for the user; `problemOf` (the gateway's error body) unless a page says otherwise. */
  describe?: (error: unknown) => Problem;
}

/**
 * One action of a page (save, submit, transfer, …): busy while it runs (a second click is ignored), the last
 * problem cleared, and on failure the reason shown.
 *
 * It also holds the action's `Idempotency-Key`, one per user intent: made when the runner is created and renewed
 * after a success or a definite refusal (4xx: nothing was recorded, and the user may change the input). After a
 * network error or 5xx the outcome is unknown, so the key is kept: the retry is answered with the first attempt's
 * result instead of doing the thing twice. A request that does not send the key simply ignores it.
 */
export class ActionRunner<T = unknown> {
  public readonly busy = signal(false);
  public readonly problem = signal<Problem | null>(null);
  public readonly result = signal<T | null>(null);
  public readonly issues = computed(() => this.problem()?.issues ?? []);
  private key = newIdempotencyKey();

  public constructor(private readonly options: ActionRunnerOptions = {}) {}

  /** The key the next attempt sends. */
  public get idempotencyKey(): string {
    return this.key;
  }

  /** Sends `request` unless an attempt is still running; returns whether it was sent. */
  public run<R extends T>(
    request: Observable<R> | ((idempotencyKey: string) => Observable<R>),
    handlers: ActionHandlers<R> | ((result: R) => void) = {},
  ): boolean {
    if (this.busy()) return false;
    const { done, failed } =
      typeof handlers === 'function' ? { done: handlers, failed: undefined } : handlers;
    this.busy.set(true);
    this.result.set(null);
    this.problem.set(null);
    const source = isObservable(request) ? request : request(this.key);
    source.subscribe({
      error: (error: unknown) => {
        const problem = (this.options.describe ?? problemOf)(error);
        const status = problem.status ?? 0;
        if (status >= 400 && status < 500) this.key = newIdempotencyKey();
        this.busy.set(false);
        this.problem.set(problem);
        failed?.(problem);
      },
      next: (result) => {
        this.key = newIdempotencyKey();
        this.busy.set(false);
        this.result.set(result);
        done?.(result);
      },
    });
    return true;
  }

  /** Shows a problem found before sending (a missing entry); the key is kept, nothing was sent. */
  public fail(problem: Problem): void {
    this.result.set(null);
    this.problem.set(problem);
  }

  /** Messages of the field issues at `path` or under it (`lines.0.amount` is under `lines`). */
  public issuesFor(path: string): string[] {
    return this.issues()
      .filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
      .map((issue) => issue.message);
  }

  public reset(): void {
    this.result.set(null);
    this.problem.set(null);
  }
}

/**
 * A page's one runner plus a notice: each action says what was done, then the page reloads. `K` is the page's
 * message-key type, so a notice is checked against the portal's dictionary.
 */
export class PageActions<K extends string = string> extends ActionRunner<unknown> {
  public readonly notice = signal<K | null>(null);

  public constructor(
    private readonly reload: () => void,
    options: ActionRunnerOptions = {},
  ) {
    super(options);
  }

  public act(
    request: Observable<unknown> | ((idempotencyKey: string) => Observable<unknown>),
    done: K,
    after?: () => void,
  ): void {
    if (this.busy()) return;
    this.notice.set(null);
    this.run(request, () => {
      after?.();
      this.notice.set(done);
      this.reload();
    });
  }

  public override fail(problem: Problem): void {
    this.notice.set(null);
    super.fail(problem);
  }
}
