import { StoredFileView, UploadFileQuery } from '@jcm/contracts';
import * as z from 'zod';

/** Documentation of one file route (the upload body is raw, so these are not route-table entries). */
export interface RouteDoc {
  summary: string;
  query?: z.ZodType;
  response?: z.ZodType;
}

const P = '/api/v1';

/** OpenAPI entries of the file routes, for the route table (the upload body is the raw file, not JSON). */
export const FILE_ROUTE_DOCS: Record<string, RouteDoc> = {
  [`POST ${P}/files`]: {
    summary:
      'Upload a file (raw body ≤ 10 MB; Content-Type, X-File-Name percent-encoded UTF-8; Idempotency-Key). 413 / 415 / 422 refuse it and store nothing',
    query: UploadFileQuery,
    response: StoredFileView,
  },
  [`GET ${P}/files/{id}`]: {
    summary: 'A stored file: name, type, size, SHA-256, owner (404 unless the owning record is visible)',
    response: StoredFileView,
  },
  [`GET ${P}/files/{id}/content`]: {
    summary:
      'Download (after the owning service confirms access; SHA-256 re-checked first, else 500 STORED_FILE_CORRUPT and no body)',
  },
};
