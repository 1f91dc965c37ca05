import * as z from 'zod';

/** Error codes that cross the NATS boundary; the gateway maps them to HTTP statuses. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'TOO_MANY_REQUESTS',
  'TIMEOUT',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const RpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
});
export type RpcError = z.infer<typeof RpcError>;

/** Reply envelope of every NATS request (DESIGN §4). */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: RpcError };

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  TOO_MANY_REQUESTS: 429,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Flattens zod issues into `path: message` pairs, so a 400 names the exact field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** A typed error thrown by handlers and services; carried over NATS as an RpcError. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toRpcError(): RpcError {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }

  static validation(error: z.ZodError, what = 'request'): DomainError {
    const issues = toFieldIssues(error);
    return new DomainError(
      'VALIDATION_FAILED',
      `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
}
