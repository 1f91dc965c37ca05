import {
  EXTENSIONS_BY_MEDIA_TYPE,
  FILE_ERROR_TEXT,
  FileUse,
  MEDIA_TYPE_ALIASES,
  MEDIA_TYPES_BY_USE,
  StoredMediaType,
} from '@jcm/contracts';
import { FileStoreError } from '../file-store-error';
import { DetectedContent } from './detect-media-type';

const MAX_NAME_CHARS = 200;

/** Types that say nothing about the content: a browser's fallback when it does not know the extension. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export interface AcceptedType {
  mediaType: StoredMediaType;
  /** The name to store: the uploaded one, with the type's extension added when it had none. */
  filename: string;
}

/**
 * Decides the stored type from the detected content, then checks the use's allow-list (415 otherwise) and that
 * neither the declared Content-Type nor the name's extension contradicts the content (422): a PDF named `.xlsx`
 * or sent as `image/png` is refused rather than stored under a type it is not.
 */
export function acceptMediaType(
  detected: DetectedContent,
  declaredContentType: string | undefined,
  filename: string,
  use: FileUse,
): AcceptedType {
  const declared = normaliseDeclared(declaredContentType);
  const extension = extensionOf(filename);
  const mediaType =
    detected === null
      ? null
      : detected.kind === 'binary'
        ? detected.mediaType
        : textType(declared, extension);
  if (mediaType === null || !MEDIA_TYPES_BY_USE[use].includes(mediaType)) {
    throw new FileStoreError('FILE_TYPE_NOT_ALLOWED', FILE_ERROR_TEXT.typeNotAllowed(use, mediaType), [
      {
        path: 'content',
        message: `Content is ${mediaType ?? 'not a recognised type'}; accepted: ${MEDIA_TYPES_BY_USE[use].join(', ')}`,
      },
    ]);
  }
  if (declared !== null && declared !== mediaType) {
    throw new FileStoreError(
      'FILE_TYPE_MISMATCH',
      FILE_ERROR_TEXT.typeMismatch(mediaType, declaredContentType ?? ''),
      [{ path: 'Content-Type', message: `Declared ${declaredContentType}, content is ${mediaType}` }],
    );
  }
  const extensions = EXTENSIONS_BY_MEDIA_TYPE[mediaType];
  if (extension === null)
    return {
      mediaType,
      filename: `${[...filename].slice(0, MAX_NAME_CHARS - extensions[0].length).join('')}${extensions[0]}`,
    };
  if (!extensions.includes(extension)) {
    throw new FileStoreError('FILE_TYPE_MISMATCH', FILE_ERROR_TEXT.typeMismatch(mediaType, extension), [
      { path: 'X-File-Name', message: `Extension ${extension} does not match content ${mediaType}` },
    ]);
  }
  return { mediaType, filename };
}

/** Lower-cased type without parameters, aliases resolved; null when nothing was declared. */
function normaliseDeclared(contentType: string | undefined): string | null {
  const bare = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (UNDECLARED.has(bare)) return null;
  return MEDIA_TYPE_ALIASES[bare] ?? bare;
}

function extensionOf(filename: string): string | null {
  const dot = filename.lastIndexOf('.');
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot).toLowerCase() : null;
}

/** Text is only ever stored as CSV, and only when its name or declared type says so. */
function textType(declared: string | null, extension: string | null): StoredMediaType | null {
  return declared === 'text/csv' || extension === '.csv' ? 'text/csv' : null;
}
