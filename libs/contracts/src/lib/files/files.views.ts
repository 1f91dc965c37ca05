import * as z from 'zod';
import { text } from '../shared/text';
import { FileUse, StoredMediaType } from './files.media-types';

/** Services that own records files are attached to (the NATS subject prefix of each). */
export const FileOwnerService = z.enum(['partnership', 'grants', 'mrv', 'credits']);
export type FileOwnerService = z.infer<typeof FileOwnerService>;

/** The record a file belongs to once attached: `partnership` / `interest-letter` / <letter id>. */
export const FileOwner = z.object({
  service: FileOwnerService,
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'kebab-case record kind'),
  id: z.uuid(),
});
export type FileOwner = z.infer<typeof FileOwner>;

/** uploaded → attached: a file is readable only by its uploader's organisation until a record owns it. */
export const StoredFileState = z.enum(['uploaded', 'attached']);
export type StoredFileState = z.infer<typeof StoredFileState>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

/** GET /files/:id and the reply of POST /files. */
export const StoredFileView = z.object({
  id: z.uuid(),
  filename: z.string(),
  mediaType: StoredMediaType,
  sizeBytes: z.number().int().positive(),
  sha256: Sha256Hex,
  use: FileUse,
  state: StoredFileState,
  owner: FileOwner.nullable(),
  uploadedByOrgId: z.uuid(),
  uploadedByUserId: z.uuid(),
  createdAt: z.iso.datetime(),
  attachedAt: z.iso.datetime().nullable(),
});
export type StoredFileView = z.infer<typeof StoredFileView>;

/** POST /files?use=letter|plan-attachment|monitoring-evidence (the body is the file itself). */
export const UploadFileQuery = z.object({ use: FileUse });
export type UploadFileQuery = z.infer<typeof UploadFileQuery>;

/** GET /files/:id/content?inline=1 shows a PDF or image in the browser instead of saving it. */
export const DownloadFileQuery = z.object({ inline: z.enum(['0', '1']).optional() });

/**
 * What a service receives in a command and keeps in its own table instead of the body: the gateway resolved the
 * id (the caller's own, not yet attached, of an accepted type) before forwarding. NATS never carries the bytes.
 */
export const FileRef = z.object({
  fileId: z.uuid(),
  filename: text({ max: 200, kind: 'name' }),
  mediaType: StoredMediaType,
  sizeBytes: z.number().int().positive(),
  sha256: Sha256Hex,
});
export type FileRef = z.infer<typeof FileRef>;
