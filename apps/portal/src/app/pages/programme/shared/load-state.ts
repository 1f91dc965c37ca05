import { Observable, catchError, map, of, startWith } from 'rxjs';

import { httpStatus } from '../../../services/api-error';

export type LoadState<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'not-found' } | { status: 'failed' };

/** Loading → loaded | not found (400/404: a malformed id is as missing as an unknown one) | failed. */
export function loadState<T>(source: Observable<T>): Observable<LoadState<T>> {
  return source.pipe(
    map((data): LoadState<T> => ({ data, status: 'loaded' })),
    catchError((error: unknown) =>
      of<LoadState<T>>([400, 404].includes(httpStatus(error)) ? { status: 'not-found' } : { status: 'failed' }),
    ),
    startWith<LoadState<T>>({ status: 'loading' }),
  );
}

export function loaded<T>(state: LoadState<T>): T | null {
  return state.status === 'loaded' ? state.data : null;
}
