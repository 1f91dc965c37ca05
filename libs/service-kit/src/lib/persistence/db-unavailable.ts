/** SQLSTATEs that mean "the server is not there right now", not "this statement is wrong" (PostgreSQL App. A). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket-level failures of the pg driver. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
/** pg-pool and pg report a lost or unobtainable connection only in the message. */
const UNAVAILABLE_MESSAGES = [
  'connection terminated',
  'timeout exceeded when trying to connect',
  'connection error',
  'client was closed',
  'cannot use a pool after calling end',
  'the database system is',
  // TypeORM, when the connection under a transaction died and the runner released it (QueryRunnerProviderAlreadyReleasedError).
  'already released',
  'driver not connected',
];

/**
 * Whether `err` says PostgreSQL is unreachable (restarting, stopped, out of connections): such a request is worth
 * retrying, so it answers 503 with Retry-After instead of 500 (issue #14 #5). TypeORM wraps driver errors.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { code, message, driverError } = e as { code?: unknown; message?: unknown; driverError?: unknown };
    if (
      typeof code === 'string' &&
      (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))
    ) {
      return true;
    }
    const text = typeof message === 'string' ? message.toLowerCase() : '';
    if (UNAVAILABLE_MESSAGES.some((m) => text.includes(m))) return true;
    e = driverError;
  }
  return false;
}
