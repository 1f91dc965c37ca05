import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError, HTTP_STATUS_BY_CODE } from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { requestContextOf } from '../auth/auth.guard';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Backoff of the audit write's retries: a pooled connection killed by a PostgreSQL restart fails once, the next works. */
const AUDIT_RETRY_DELAYS_MS = [0, 100, 300, 700, 1500];

/**
 * Appends one audit_log row for every mutation (who, organisation, what, when, outcome), refused ones included:
 * a refused attempt is as telling as a successful one. Public calculators compute, they do not mutate.
 *
 * No successful mutation without its row (issue #14 #6): the write is retried on fresh connections, and if it
 * still fails the client gets 503 instead of the success. Every mutation carries an Idempotency-Key, so the
 * client's retry replays the committed result and writes the row then.
 */
/** The change committed but its audit row could not be written: 503, so the client retries with its key. */
class AuditUnavailable extends DomainError {
  constructor() {
    super('UNAVAILABLE', 'Audit log unavailable; retry with the same Idempotency-Key.');
  }
}

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!MUTATIONS.has(req.method) || req.path.includes('/calculators/')) return next.handle();
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.recordOrFail(req, context.switchToHttp().getResponse<Response>().statusCode, body)).pipe(
          mergeMap(() => [body]),
        ),
      ),
      catchError((err) => {
        if (err instanceof AuditUnavailable) return throwError(() => err);
        const status = err instanceof DomainError ? HTTP_STATUS_BY_CODE[err.code] : 500;
        return from(
          this.record(req, status, null).catch((e: Error) =>
            this.logger.error(`audit log write failed: ${e.message}`),
          ),
        ).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }

  /** A success is answered only once its audit row is written. */
  private async recordOrFail(req: Request, outcome: number, body: unknown): Promise<void> {
    try {
      await this.record(req, outcome, body);
    } catch (err) {
      this.logger.error(`audit log write failed after retries, answering 503: ${(err as Error).message}`);
      throw new AuditUnavailable();
    }
  }

  private async record(req: Request, outcome: number, body: unknown): Promise<void> {
    let lastError: unknown;
    for (const delay of AUDIT_RETRY_DELAYS_MS) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      try {
        return await this.insert(req, outcome, body);
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }

  private async insert(req: Request, outcome: number, body: unknown): Promise<void> {
    const ctx = requestContextOf(req);
    const resourceId =
      typeof body === 'object' && body && 'id' in body ? String((body as { id: unknown }).id) : null;
    await inTenantTransaction(this.ds, 'system', (m) =>
      m.query(
        `INSERT INTO identity.audit_log (user_id, org_id, org_type, action, resource, outcome, correlation_id, detail)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          ctx?.userId ?? null,
          ctx?.orgId ?? null,
          ctx?.orgType ?? null,
          `${req.method} ${req.route?.path ?? req.path}`,
          resourceId ?? req.path,
          outcome,
          ctx?.correlationId ?? null,
          JSON.stringify(
            req.path.endsWith('/auth/login') ? { email: String(req.body?.email ?? '').slice(0, 254) } : {},
          ),
        ],
      ),
    );
  }
}
