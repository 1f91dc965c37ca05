import { createHash } from 'crypto';
import { DomainError, LETTER_MAX_BYTES, LetterFileUpload, LetterMediaType } from '@jcm/contracts';

/** File signatures, so a renamed executable cannot pass as a PDF or an image. */
const MAGIC: Record<LetterMediaType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export interface DecodedFile {
  filename: string;
  mediaType: LetterMediaType;
  content: Buffer;
  sha256: string;
}

/** Decodes and checks an uploaded letter file: size limit and the declared type's magic bytes. */
export function decodeLetterFile(upload: LetterFileUpload, path: string): DecodedFile {
  const content = Buffer.from(upload.contentBase64, 'base64');
  if (content.length === 0 || content.length > LETTER_MAX_BYTES) {
    throw new DomainError('VALIDATION_FAILED', `The file must be 1 byte to ${LETTER_MAX_BYTES} bytes.`, [
      {
        path: `${path}.contentBase64`,
        message: `Size ${content.length} bytes is outside 1–${LETTER_MAX_BYTES}`,
      },
    ]);
  }
  const magic = MAGIC[upload.mediaType];
  if (!magic.every((b, i) => content[i] === b)) {
    throw new DomainError('VALIDATION_FAILED', `The file is not a ${upload.mediaType}.`, [
      { path: `${path}.mediaType`, message: 'Content does not match the declared type' },
    ]);
  }
  return {
    filename: upload.filename,
    mediaType: upload.mediaType,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}
