import * as z from 'zod';
import { FieldIssue } from '../shared/rpc-error';
import {
  FILE_MAX_BYTES,
  FileUse,
  MEDIA_TYPE_LABELS,
  MEDIA_TYPES_BY_USE,
  StoredMediaType,
} from './files.media-types';

/**
 * Errors of the file routes, beyond the platform's ErrorCode: they need statuses the JSON routes never answer
 * (413, 415) and one that must not read as a generic 500 (a stored file that fails its SHA-256 check).
 */
export const FileErrorCode = z.enum([
  'FILE_EMPTY',
  'FILE_NAME_INVALID',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TYPE_MISMATCH',
  'STORED_FILE_CORRUPT',
]);
export type FileErrorCode = z.infer<typeof FileErrorCode>;

export const FILE_HTTP_STATUS: Record<FileErrorCode, number> = {
  FILE_EMPTY: 400,
  FILE_NAME_INVALID: 400,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_TYPE_MISMATCH: 422,
  STORED_FILE_CORRUPT: 500,
};

/** Body of a file error: `message` is the English text (as on every route), with both languages alongside. */
export const FileErrorBody = z.object({
  code: FileErrorCode,
  message: z.string(),
  message_ja: z.string(),
  message_en: z.string(),
  issues: z.array(FieldIssue).optional(),
});
export type FileErrorBody = z.infer<typeof FileErrorBody>;

export interface BilingualText {
  ja: string;
  en: string;
}

const labels = (types: readonly StoredMediaType[]) => types.map((t) => MEDIA_TYPE_LABELS[t]).join(', ');
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The user-facing texts of each file error, Japanese first. */
export const FILE_ERROR_TEXT = {
  empty: (): BilingualText => ({ ja: 'ファイルが空です。', en: 'The file is empty.' }),
  nameInvalid: (why: string): BilingualText => ({
    ja: `ファイル名が不正です（${why}）。X-File-Name にパーセントエンコードした UTF-8 で指定してください。`,
    en: `The file name is invalid (${why}). Send it in X-File-Name as percent-encoded UTF-8.`,
  }),
  tooLarge: (limit = FILE_MAX_BYTES): BilingualText => ({
    ja: `ファイルが大きすぎます。1 ファイル ${mb(limit)}（${limit.toLocaleString('en')} バイト）までです。何も保存していません。`,
    en: `The file is too large: at most ${mb(limit)} (${limit.toLocaleString('en')} bytes) per file. Nothing was stored.`,
  }),
  typeNotAllowed: (use: FileUse, detected: StoredMediaType | null): BilingualText => {
    const allowed = labels(MEDIA_TYPES_BY_USE[use]);
    const found = detected ? MEDIA_TYPE_LABELS[detected] : null;
    return {
      ja: `${found ? `${found} ファイル` : 'この形式のファイル'}はこの用途では受け付けません。受け付ける形式: ${allowed}。`,
      en: `${found ? `A ${found} file` : 'A file of this kind'} is not accepted here. Accepted: ${allowed}.`,
    };
  },
  typeMismatch: (detected: StoredMediaType, declared: string): BilingualText => ({
    ja: `ファイルの中身は ${MEDIA_TYPE_LABELS[detected]} ですが、${declared} として送られました。拡張子と形式を確認してください。何も保存していません。`,
    en: `The file's content is ${MEDIA_TYPE_LABELS[detected]}, but it was sent as ${declared}. Check its name and type. Nothing was stored.`,
  }),
  corrupt: (): BilingualText => ({
    ja: '保存されたファイルが SHA-256 検証に失敗しました（改ざんまたは破損）。内容は送信していません。管理者に連絡してください。',
    en: 'The stored file failed its SHA-256 check (tampered or damaged); no content was sent. Please contact the administrator.',
  }),
} as const;
