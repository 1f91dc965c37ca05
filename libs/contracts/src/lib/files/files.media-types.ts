import * as z from 'zod';

/**
 * Media types the file store recognises by content (magic bytes, or the ZIP part names of OOXML), never by the name
 * a browser or a user gave the file.
 */
export const StoredMediaType = z.enum([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/csv',
]);
export type StoredMediaType = z.infer<typeof StoredMediaType>;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** File name extensions that belong to each type (lower case, with the dot). */
export const EXTENSIONS_BY_MEDIA_TYPE: Record<StoredMediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  [XLSX_MEDIA_TYPE]: ['.xlsx'],
  [DOCX_MEDIA_TYPE]: ['.docx'],
  'text/csv': ['.csv'],
};

/**
 * What browsers and tools also send for these files: Windows with Excel installed labels every `.csv`
 * `application/vnd.ms-excel`, and `image/jpg` is common though not registered.
 */
export const MEDIA_TYPE_ALIASES: Readonly<Record<string, StoredMediaType>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/vnd.ms-excel': 'text/csv',
  'application/csv': 'text/csv',
};

/** Short human names for messages and `<input accept>` hints. */
export const MEDIA_TYPE_LABELS: Record<StoredMediaType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  [XLSX_MEDIA_TYPE]: 'Excel (XLSX)',
  [DOCX_MEDIA_TYPE]: 'Word (DOCX)',
  'text/csv': 'CSV',
};

/**
 * 用途: what a file is uploaded for, each with its own allow-list. Letters are scans or PDFs (関心表明レター);
 * plan-form attachments (実施計画書 添付書類 3-01 …) add the Excel calculators and Word forms; monitoring evidence adds
 * CSV meter exports.
 */
export const FileUse = z.enum(['letter', 'plan-attachment', 'monitoring-evidence']);
export type FileUse = z.infer<typeof FileUse>;

export const MEDIA_TYPES_BY_USE: Record<FileUse, readonly StoredMediaType[]> = {
  letter: ['application/pdf', 'image/png', 'image/jpeg'],
  'plan-attachment': ['application/pdf', XLSX_MEDIA_TYPE, DOCX_MEDIA_TYPE, 'image/png', 'image/jpeg'],
  'monitoring-evidence': [
    'application/pdf',
    XLSX_MEDIA_TYPE,
    DOCX_MEDIA_TYPE,
    'image/png',
    'image/jpeg',
    'text/csv',
  ],
};

/** issue 9: attachments up to 10 MB each (10 MiB, the unit browsers and Windows show as "10 MB"). */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

/** `accept` attribute for a file input of one use: types and extensions, so pickers filter both ways. */
export function acceptAttributeFor(use: FileUse): string {
  return MEDIA_TYPES_BY_USE[use].flatMap((t) => [t, ...EXTENSIONS_BY_MEDIA_TYPE[t]]).join(',');
}
