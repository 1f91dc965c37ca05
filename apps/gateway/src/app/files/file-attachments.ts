import { Injectable } from '@nestjs/common';
import { DomainError, FileOwner, FileRef, FileUse, RequestContext, StoredFileView } from '@jcm/contracts';
import { FileStore } from '@jcm/file-store';

/**
 * How a gateway route hands an uploaded file to a service command without its bytes: `claim` turns the `fileId`
 * of a request body into a FileRef (the caller's own upload, for this use, not owned by another record), the route
 * sends the command with it, and `attach` records the owner once the service accepted the command. If the gateway
 * dies in between, the file stays unattached (readable by its uploader only) and a retry attaches it.
 */
@Injectable()
export class FileAttachments {
  constructor(private readonly store: FileStore) {}

  async claim(
    ctx: RequestContext,
    fileId: string,
    use: FileUse,
    opts: { path?: string; owner?: FileOwner } = {},
  ): Promise<FileRef> {
    const path = opts.path ?? 'fileId';
    const file = await this.store.find({ orgId: ctx.orgId }, fileId);
    if (!file || file.uploadedByOrgId !== ctx.orgId)
      throw refused(path, 'No file with this id was uploaded by your organisation');
    if (file.use !== use) throw refused(path, `The file was uploaded as ${file.use}, not ${use}`);
    if (file.state === 'attached' && !(opts.owner && sameOwner(file, opts.owner))) {
      throw new DomainError(
        'CONFLICT',
        `File ${fileId} already belongs to another record; upload it again for this one.`,
        [{ path, message: 'Already attached to another record' }],
      );
    }
    return {
      fileId: file.id,
      filename: file.filename,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    };
  }

  attach(ctx: RequestContext, fileId: string, owner: FileOwner): Promise<StoredFileView> {
    return this.store.attach({ orgId: ctx.orgId }, fileId, owner);
  }
}

function refused(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
}

function sameOwner(file: StoredFileView, owner: FileOwner): boolean {
  return (
    file.owner?.service === owner.service && file.owner.kind === owner.kind && file.owner.id === owner.id
  );
}
