import {
  DownloadFileQuery,
  IdParam,
  MEDIA_TYPES_BY_USE,
  StoredFileView,
  UploadFileQuery,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const ANY_STORED_TYPE = [...new Set(Object.values(MEDIA_TYPES_BY_USE).flat())];
const servedByFilesController = (): never => {
  throw new Error('served by FilesController');
};

/**
 * The file routes in the route-table shape, for `/api/docs` only: FilesController serves them, because the upload's
 * body is the raw file (streamed past the JSON parser) and the download's is the file's bytes. Not mounted.
 */
export const FILE_ROUTES = routeArea('Files', [
  route({
    method: 'POST',
    path: 'files',
    summary:
      'Upload a file: the raw body (≤ 10 MB; Content-Type; X-File-Name as percent-encoded UTF-8). 413 / 415 / 422 refuse it and store nothing',
    query: UploadFileQuery,
    rawBody: { mediaTypes: ANY_STORED_TYPE },
    idempotencyKey: true,
    response: StoredFileView,
    handle: servedByFilesController,
  }),
  route({
    method: 'GET',
    path: 'files/:id',
    summary:
      'A stored file: name, type, size, SHA-256, owner (404 unless the owning record is visible to the caller)',
    params: IdParam,
    response: StoredFileView,
    handle: servedByFilesController,
  }),
  route({
    method: 'GET',
    path: 'files/:id/content',
    summary:
      'Download, after the owning service confirmed access and the SHA-256 was re-checked (else 500 STORED_FILE_CORRUPT, no body)',
    params: IdParam,
    query: DownloadFileQuery,
    response: StoredFileView,
    binaryResponse: { mediaTypes: ANY_STORED_TYPE },
    handle: servedByFilesController,
  }),
]);
