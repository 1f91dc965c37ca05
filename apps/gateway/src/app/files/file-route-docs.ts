import { DownloadFileQuery, IdParam, StoredFileView, UploadFileQuery } from '@jcm/contracts';

/**
 * OpenAPI facts of the file routes, kept beside FilesController: the upload's body is the raw file (any
 * Content-Type, streamed), which JSON route declarations cannot express, so the routes stay a hand-written
 * controller and these entries feed the document.
 */
export const FILE_ROUTE_DOCS = [
  {
    method: 'POST',
    path: '/api/v1/files',
    summary:
      'Upload a file: the raw body (≤ 10 MB; Content-Type; X-File-Name as percent-encoded UTF-8). 413 / 415 / 422 refuse it and store nothing',
    query: UploadFileQuery,
    rawBody: {
      mediaTypes: [
        'application/pdf',
        'image/png',
        'image/jpeg',
        'application/vnd.openxmlformats-officedocument.*',
        'text/csv',
      ],
    },
    idempotencyKey: true,
    status: 201,
    response: StoredFileView,
  },
  {
    method: 'GET',
    path: '/api/v1/files/:id',
    summary:
      'A stored file: name, type, size, SHA-256, owner (404 unless the owning record is visible to the caller)',
    params: IdParam,
    status: 200,
    response: StoredFileView,
  },
  {
    method: 'GET',
    path: '/api/v1/files/:id/content',
    summary:
      'Download, after the owning service confirmed access and the SHA-256 was re-checked (else 500 STORED_FILE_CORRUPT, no body)',
    params: IdParam,
    query: DownloadFileQuery,
    status: 200,
    binaryResponse: true,
  },
] as const;
