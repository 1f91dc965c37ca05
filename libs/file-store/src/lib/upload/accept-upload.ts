import { FILE_MAX_BYTES, FileUse } from '@jcm/contracts';
import { acceptMediaType } from '../media-type/accept-media-type';
import { detectMediaType } from '../media-type/detect-media-type';
import { AcceptedFile } from '../store/file-store';
import { ChunkedBytes } from './chunked-bytes';
import { collectUpload } from './collect-upload';
import { fileNameFromHeader } from './file-name';

export interface UploadRequest {
  use: FileUse;
  /** The `Content-Type` the client sent. */
  declaredType: string | undefined;
  /** The raw `X-File-Name` header. */
  fileNameHeader: string | undefined;
  body: AsyncIterable<Buffer | string> | Iterable<Buffer>;
  maxBytes?: number;
}

/**
 * Everything an upload must pass before a byte is stored: a valid name (checked before the body is read), the size
 * limit (while reading), then the type detected from the content against the use's allow-list and the declared
 * type and extension. Throws a FileStoreError with the reason in both languages.
 */
export async function acceptUpload(req: UploadRequest): Promise<AcceptedFile> {
  const name = fileNameFromHeader(req.fileNameHeader);
  const body = await collectUpload(req.body, req.maxBytes ?? FILE_MAX_BYTES);
  const { mediaType, filename } = acceptMediaType(
    detectMediaType(new ChunkedBytes(body.chunks)),
    req.declaredType,
    name,
    req.use,
  );
  return { use: req.use, filename, mediaType, body };
}
