import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, RpcError } from '@jcm/contracts';

/** Every error leaves the gateway as `{ code, message, issues? }` with the status its code maps to. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    res.status(HTTP_STATUS_BY_CODE[body.code]).json(body);
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
    this.logger.error((error as Error)?.stack ?? String(error));
    return { code: 'INTERNAL', message: 'Internal error' };
  }
}
