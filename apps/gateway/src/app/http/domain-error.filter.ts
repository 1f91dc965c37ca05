import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, RpcError } from '@jcm/contracts';
import { isDatabaseUnavailable } from '@jcm/service-kit';

/** Seconds a client should wait before retrying a 503: about one reconnect backoff of NATS or the pg pool. */
export const RETRY_AFTER_SECONDS = 2;

/** Every error leaves the gateway as `{ code, message, issues? }` with the status its code maps to. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    const status = HTTP_STATUS_BY_CODE[body.code];
    // A 503 is an outage, not a refusal: say when to come back, so clients retry (with their Idempotency-Key).
    if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(status).json(body);
  }

  private toBody(error: unknown): RpcError {
    if (error instanceof DomainError) return error.toRpcError();
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return { code: 'NOT_FOUND', message: 'No such route' };
      if (status === 413) return { code: 'VALIDATION_FAILED', message: 'Request body too large' };
      if (status === 400) return { code: 'VALIDATION_FAILED', message: error.message };
      if (status === 401) return { code: 'UNAUTHENTICATED', message: error.message };
      if (status === 403) return { code: 'FORBIDDEN', message: error.message };
    }
    if (isDatabaseUnavailable(error))
      return { code: 'UNAVAILABLE', message: 'The database is unavailable; retry shortly.' };
    this.logger.error((error as Error)?.stack ?? String(error));
    return { code: 'INTERNAL', message: 'Internal error' };
  }
}
