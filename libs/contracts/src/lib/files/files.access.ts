import * as z from 'zod';
import { FileOwnerService } from './files.views';

/**
 * `<service>.file-access.check` (DESIGN §4 Files): before streaming an attached file, the gateway asks the service
 * that owns the record whether the caller (the request's ctx) may see that record and whether the record really
 * references this file. Any answer other than `{ allowed: true }` is a 404 for the caller.
 */
export function fileAccessSubject(service: FileOwnerService): string {
  return `${service}.file-access.check`;
}

export const FileAccessCheck = z.object({
  fileId: z.uuid(),
  ownerKind: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
  ownerId: z.uuid(),
});
export type FileAccessCheck = z.infer<typeof FileAccessCheck>;

export const FileAccessReply = z.object({ allowed: z.boolean() });
export type FileAccessReply = z.infer<typeof FileAccessReply>;
