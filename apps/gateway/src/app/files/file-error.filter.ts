import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { FileStoreError } from '@jcm/file-store';

/**
 * File errors carry their own status (413, 415, 422, 500 STORED_FILE_CORRUPT) and both languages. Should a body
 * already be on its way, the connection is cut instead: a client must never mistake a partial body for the file.
 */
@Catch(FileStoreError)
export class FileErrorFilter implements ExceptionFilter {
  catch(error: FileStoreError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(error.httpStatus).json(error.toBody());
  }
}
