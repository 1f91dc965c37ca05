import { FILE_ERROR_TEXT } from '@jcm/contracts';
import { FileStoreError } from '../file-store-error';

const MAX_NAME_CHARS = 200;

/**
 * The uploaded name from the `X-File-Name` header: HTTP headers carry bytes, not text, so the name travels as
 * percent-encoded UTF-8 (`encodeURIComponent` in the browser), which also survives proxies. Any folder part is
 * dropped (a name is never a path), control characters are refused, and the result is NFC so that a name typed on
 * macOS (NFD) and on Windows compares equal.
 */
export function fileNameFromHeader(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw invalid('missing');
  // Raw UTF-8 in a header reaches Node as Latin-1 mojibake: refuse it rather than store a garbled name.
  if (/[^\x20-\x7e]/.test(header)) throw invalid('not percent-encoded UTF-8');
  let decoded: string;
  try {
    decoded = decodeURIComponent(header.trim());
  } catch {
    throw invalid('not percent-encoded UTF-8');
  }
  const base = decoded.split(/[/\\]/).pop()?.normalize('NFC').trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(base)) throw invalid('control characters');
  if (base === '' || base === '.' || base === '..') throw invalid('empty');
  if ([...base].length > MAX_NAME_CHARS) throw invalid(`longer than ${MAX_NAME_CHARS} characters`);
  return base;
}

function invalid(why: string): FileStoreError {
  return new FileStoreError('FILE_NAME_INVALID', FILE_ERROR_TEXT.nameInvalid(why), [
    { path: 'X-File-Name', message: why },
  ]);
}

/**
 * `Content-Disposition` with an ASCII fallback and the exact UTF-8 name in `filename*` (RFC 6266 §4.3, RFC 5987),
 * so `報告書.pdf` is saved as `報告書.pdf` by every current browser and as `___.pdf` by anything older.
 */
export function contentDisposition(filename: string, inline: boolean): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
