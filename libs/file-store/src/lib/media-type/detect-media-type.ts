import { DOCX_MEDIA_TYPE, StoredMediaType, XLSX_MEDIA_TYPE } from '@jcm/contracts';
import { ChunkedBytes } from '../upload/chunked-bytes';
import { zipPartNames } from './zip-part-names';

/** What the bytes are: a binary format, plain text (CSV when so named), or nothing the store accepts. */
export type DetectedContent = { kind: 'binary'; mediaType: StoredMediaType } | { kind: 'text' } | null;

const SIGNATURES: { mediaType: StoredMediaType; bytes: number[] }[] = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF- (ISO 32000-1 §7.5.2)
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG §5.2
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] }, // SOI + the first marker
  { mediaType: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8(7|9)a
];

/**
 * Identifies a file by its content: magic bytes for PDF and images; for a ZIP, the OOXML parts its central
 * directory names (`[Content_Types].xml` plus `xl/workbook.xml` or `word/document.xml`), so a renamed archive or
 * executable cannot pass as a spreadsheet; text is bytes without NUL or control characters (UTF-8 or Shift_JIS,
 * which Japanese Excel writes its CSV in).
 */
export function detectMediaType(bytes: ChunkedBytes): DetectedContent {
  const head = bytes.slice(0, 16);
  for (const s of SIGNATURES) {
    if (s.bytes.every((b, i) => head[i] === b)) {
      if (s.mediaType === 'image/gif' && !((head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61))
        return null;
      return { kind: 'binary', mediaType: s.mediaType };
    }
  }
  const parts = zipPartNames(bytes);
  if (parts) {
    const has = new Set(parts);
    if (!has.has('[Content_Types].xml')) return null;
    const xlsx = has.has('xl/workbook.xml');
    const docx = has.has('word/document.xml');
    if (xlsx === docx) return null;
    return { kind: 'binary', mediaType: xlsx ? XLSX_MEDIA_TYPE : DOCX_MEDIA_TYPE };
  }
  return bytes.everyByte(isTextByte) ? { kind: 'text' } : null;
}

/** TAB, LF, CR and everything from space up; Shift_JIS and UTF-8 multi-byte sequences never use bytes below 0x20. */
function isTextByte(b: number): boolean {
  return b >= 0x20 ? b !== 0x7f : b === 0x09 || b === 0x0a || b === 0x0d;
}
