import { createHash } from 'crypto';
import { FILE_ERROR_TEXT, FILE_MAX_BYTES } from '@jcm/contracts';
import { FileStoreError } from '../file-store-error';

/**
 * Size of one stored chunk: large enough that a 10 MB file is 40 rows, small enough that one row is one modest
 * Buffer (and one TOAST value) rather than the whole file.
 */
export const CHUNK_BYTES = 256 * 1024;

export interface CollectedUpload {
  chunks: Buffer[];
  sizeBytes: number;
  sha256: string;
}

/**
 * Reads an upload stream into CHUNK_BYTES-sized Buffers, hashing as it goes, and stops with FILE_TOO_LARGE the
 * moment the limit is passed (the rest is never read). No byte is written anywhere before the whole body has been
 * read, hashed and accepted, so a refused or interrupted upload leaves nothing stored.
 */
export async function collectUpload(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  maxBytes = FILE_MAX_BYTES,
  chunkBytes = CHUNK_BYTES,
): Promise<CollectedUpload> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let current = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let size = 0;
  for await (const piece of source) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    size += buf.length;
    if (size > maxBytes) throw new FileStoreError('FILE_TOO_LARGE', FILE_ERROR_TEXT.tooLarge(maxBytes));
    hash.update(buf);
    let offset = 0;
    while (offset < buf.length) {
      const n = buf.copy(current, filled, offset, Math.min(buf.length, offset + chunkBytes - filled));
      filled += n;
      offset += n;
      if (filled === chunkBytes) {
        chunks.push(current);
        current = Buffer.allocUnsafe(chunkBytes);
        filled = 0;
      }
    }
  }
  if (filled > 0) chunks.push(current.subarray(0, filled));
  if (size === 0) throw new FileStoreError('FILE_EMPTY', FILE_ERROR_TEXT.empty());
  return { chunks, sizeBytes: size, sha256: hash.digest('hex') };
}
