import { Injectable } from '@nestjs/common';
import { DomainError, FileAccessReply, fileAccessSubject, RequestContext } from '@jcm/contracts';
import { FileScope, FileStore } from '@jcm/file-store';
import { ServiceBus } from '../nats-client';

/**
 * Decides whose eyes a caller reads a file with (DESIGN §4 Files). An attached file is exactly as visible as its
 * owning record, so the owning service is asked every time (`<service>.file-access.check`), the uploader included;
 * an unattached upload is visible to its uploader's organisation only. Every "no" is the same 404 as a file that
 * does not exist, so ids of other organisations' files reveal nothing.
 */
@Injectable()
export class FileAccess {
  constructor(
    private readonly store: FileStore,
    private readonly bus: ServiceBus,
  ) {}

  async scopeFor(ctx: RequestContext, id: string): Promise<FileScope> {
    const route = await this.store.route(id);
    if (!route) throw notFound(id);
    if (route.state === 'uploaded' || !route.owner) {
      if (route.uploadedByOrgId !== ctx.orgId) throw notFound(id);
      return { orgId: ctx.orgId };
    }
    const { service, kind, id: ownerId } = route.owner;
    let reply: FileAccessReply;
    try {
      reply = await this.bus.send(
        fileAccessSubject(service),
        ctx,
        { fileId: id, ownerKind: kind, ownerId },
        FileAccessReply,
      );
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN'))
        throw notFound(id);
      throw err;
    }
    if (!reply.allowed) throw notFound(id);
    return { orgId: ctx.orgId, grantFileId: id };
  }
}

function notFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `File ${id} not found`);
}
