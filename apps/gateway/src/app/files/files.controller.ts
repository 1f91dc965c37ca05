import { Readable } from 'stream';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DomainError,
  DownloadFileQuery,
  FILE_ERROR_TEXT,
  FILE_MAX_BYTES,
  IdParam,
  RequestContext,
  StoredFileView,
  UploadFileQuery,
} from '@jcm/contracts';
import { acceptUpload, contentDisposition, FileStore, FileStoreError } from '@jcm/file-store';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { FileAccess } from './file-access';
import { FileErrorFilter } from './file-error.filter';

/** Bytes of a refused upload read and thrown away so the client receives the answer; beyond this the connection is cut. */
const DRAIN_LIMIT_BYTES = 4 * FILE_MAX_BYTES;
const DRAIN_TIMEOUT_MS = 30_000;
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif']);

/**
 * /api/v1/files: the platform's one file store (DESIGN §4 Files). The body of POST is the file itself (any
 * Content-Type, name in `X-File-Name`), streamed past the JSON parser and its 1 MB limit; records in the services
 * hold only references, and downloads stream only after the owning service confirmed access.
 */
@Controller('files')
@UseFilters(FileErrorFilter)
export class FilesController {
  constructor(
    private readonly store: FileStore,
    private readonly access: FileAccess,
  ) {}

  /** POST /files?use=letter: 201 with the stored file; with Idempotency-Key, a retry of the same bytes answers the same file. */
  @Post()
  @HttpCode(201)
  async upload(
    @Ctx() ctx: RequestContext,
    @Query() query: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StoredFileView> {
    try {
      if (ctx.role === 'viewer') throw new DomainError('FORBIDDEN', 'Viewers cannot upload files.');
      const { use } = parseInput(UploadFileQuery, query, 'query');
      if (Number(req.headers['content-length'] ?? 0) > FILE_MAX_BYTES)
        throw new FileStoreError('FILE_TOO_LARGE', FILE_ERROR_TEXT.tooLarge());
      // The JSON parser took a body sent as application/json: no file type the store accepts is JSON.
      if (req.readableEnded)
        throw new FileStoreError('FILE_TYPE_NOT_ALLOWED', FILE_ERROR_TEXT.typeNotAllowed(use, null));
      const accepted = await acceptUpload({
        use,
        declaredType: req.headers['content-type'],
        fileNameHeader: single(req.headers['x-file-name']),
        body: req.iterator({ destroyOnReturn: false }),
      });
      const { file, replayed } = await this.store.save(
        {
          orgId: ctx.orgId,
          userId: ctx.userId,
          ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
        },
        accepted,
      );
      res.setHeader('Location', `/api/v1/files/${file.id}`);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      return file;
    } catch (err) {
      await discardRest(req);
      throw err;
    }
  }

  /** GET /files/:id: name, type, size, SHA-256 and owner, for whoever may read the file. */
  @Get(':id')
  async metadata(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<StoredFileView> {
    const { id: fileId } = parseInput(IdParam, { id }, 'path');
    const file = await this.store.find(await this.access.scopeFor(ctx, fileId), fileId);
    if (!file) throw new DomainError('NOT_FOUND', `File ${fileId} not found`);
    return file;
  }

  /**
   * GET /files/:id/content[?inline=1]: the bytes, after the owning service said yes and after every chunk was
   * re-read and matched the SHA-256 recorded at upload (else 500 STORED_FILE_CORRUPT, and no byte is sent).
   */
  @Get(':id/content')
  async content(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { id: fileId } = parseInput(IdParam, { id }, 'path');
    const { inline } = parseInput(DownloadFileQuery, query, 'query');
    const read = await this.store.readVerified(await this.access.scopeFor(ctx, fileId), fileId);
    if (!read) throw new DomainError('NOT_FOUND', `File ${fileId} not found`);
    const { file, chunks } = read;
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.sizeBytes));
    res.setHeader(
      'Content-Disposition',
      contentDisposition(file.filename, inline === '1' && INLINE_TYPES.has(file.mediaType)),
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"sha256-${file.sha256}"`);
    // RFC 9530: lets a client check what it received against what was stored.
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(Readable.from(chunks));
  }
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * After a refusal, reads and drops the rest of the body before answering: a client still sending when the answer
 * goes out (and the connection closes) would see a reset instead of the 4xx. A client that keeps sending far beyond
 * the limit, or too slowly, is cut off.
 */
function discardRest(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const cut = () => {
      req.destroy();
      resolve();
    };
    const timer = setTimeout(cut, DRAIN_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) cut();
    });
    req.once('end', done);
    req.once('close', done);
    req.once('error', done);
    req.resume();
  });
}
