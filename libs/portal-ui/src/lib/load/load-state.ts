import { Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, combineLatest, map, of, skip, startWith, switchMap } from 'rxjs';

import { httpStatus } from '../problem/problem';

export type LoadState<T> =
  { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'not-found' } | { status: 'failed' };

export type LoadStatus = LoadState<unknown>['status'];

/** Loading → loaded | not found (400/404: a malformed id is as missing as an unknown one) | failed. */
export function loadState<T>(source: Observable<T>): Observable<LoadState<T>> {
  return source.pipe(
    map((data): LoadState<T> => ({ data, status: 'loaded' })),
    catchError((error: unknown) =>
      of<LoadState<T>>(
        [400, 404].includes(httpStatus(error)) ? { status: 'not-found' } : { status: 'failed' },
      ),
    ),
    startWith<LoadState<T>>({ status: 'loading' }),
  );
}

export function loaded<T>(state: LoadState<T>): T | null {
  return state.status === 'loaded' ? state.data : null;
}

/**
 * A page's data for the current key (a route id, a query), fetched again on every reload. Call it in an injection
 * context. With `quietReload` a reload keeps the shown data until the new reply (no flicker back to loading).
 */
export function loadFor<K, T>(
  key: Signal<K>,
  reload$: Observable<void>,
  fetch: (key: K) => Observable<T>,
  options: { quietReload?: boolean } = {},
): Signal<LoadState<T>> {
  return toSignal(
    combineLatest([toObservable(key), reload$]).pipe(
      switchMap(([value], index) =>
        options.quietReload && index > 0 ? loadState(fetch(value)).pipe(skip(1)) : loadState(fetch(value)),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<T> },
  );
}
