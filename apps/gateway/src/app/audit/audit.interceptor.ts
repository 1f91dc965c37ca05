import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError, HTTP_STATUS_BY_CODE } from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { requestContextOf } from '../auth/auth.guard';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Appends one audit_log row for every mutation (who, organisation, what, when, outcome), refused ones included:
 * a refused attempt is as telling as a successful one. Public calculators compute, they do not mutate.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!MUTATIONS.has(req.method) || req.path.includes('/calculators/')) return next.handle();
    return next.handle().pipe(
      mergeMap((body) => from(this.record(req, context.switchToHttp().getResponse<Response>().statusCode, body)).pipe(mergeMap(() => [body]))),
      catchError((err) => {
        const status = err instanceof DomainError ? HTTP_STATUS_BY_CODE[err.code] : 500;
        return from(this.record(req, status, null)).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }

  private async record(req: Request, outcome: number, body: unknown): Promise<void> {
    const ctx = requestContextOf(req);
    const resourceId = typeof body === 'object' && body && 'id' in body ? String((body as { id: unknown }).id) : null;
    try {
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
            JSON.stringify(req.path.endsWith('/auth/login') ? { email: String(req.body?.email ?? '').slice(0, 254) } : {}),
          ],
        ),
      );
    } catch (err) {
      this.logger.error(`audit log write failed: ${(err as Error).message}`);
    }
  }
}
