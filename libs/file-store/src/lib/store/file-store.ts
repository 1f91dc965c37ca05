import { createHash } from 'crypto';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  FILE_ERROR_TEXT,
  FileOwner,
  FileUse,
  StoredFileView,
  StoredMediaType,
} from '@jcm/contracts';
import { isPgError } from '@jcm/service-kit';
import { FileStoreError } from '../file-store-error';
import { CollectedUpload } from '../upload/collect-upload';
import { FileScope, inFileScope } from './file-scope';

/** A file accepted at the edge (type checked, name cleaned), ready to be written. */
export interface AcceptedFile {
  use: FileUse;
  filename: string;
  mediaType: StoredMediaType;
  body: CollectedUpload;
}

export interface Uploader {
  orgId: string;
  userId: string;
  idempotencyKey?: string;
}

/** Just enough to know whom to ask about a file: read in the store's own scope, never shown to a caller. */
export interface FileRoute {
  id: string;
  state: StoredFileView['state'];
  uploadedByOrgId: string;
  owner: FileOwner | null;
}

interface FileRow {
  id: string;
  original_name: string;
  media_type: StoredMediaType;
  size_bytes: number;
  chunk_count: number;
  sha256: string;
  purpose: FileUse;
  state: StoredFileView['state'];
  owner_service: FileOwner['service'] | null;
  owner_kind: string | null;
  owner_id: string | null;
  uploaded_by_org_id: string;
  uploaded_by_user_id: string;
  created_at: Date;
  attached_at: Date | null;
}

const FILE_COLUMNS = `id, original_name, media_type, size_bytes, chunk_count, sha256, purpose, state, owner_service, owner_kind,
  owner_id, uploaded_by_org_id, uploaded_by_user_id, created_at, attached_at`;

/**
 * The platform's durable file store (DESIGN §4 Files) on schema `files`: writes a file's chunks and its SHA-256 in
 * one transaction, and hands a body back only after re-reading every chunk and re-computing the hash, so a damaged
 * or tampered body is an error and never wrong bytes.
 */
export class FileStore {
  private readonly logger = new Logger(FileStore.name);

  constructor(private readonly ds: DataSource) {}

  /**
   * Stores a file for its uploader. With an idempotency key, a retry of the same bytes answers the first file
   * (`replayed`), and the same key with other bytes is a conflict rather than a second file.
   */
  async save(by: Uploader, file: AcceptedFile): Promise<{ file: StoredFileView; replayed: boolean }> {
    const scope = { orgId: by.orgId };
    try {
      return await inFileScope(this.ds, scope, async (m) => {
        const earlier = by.idempotencyKey ? await this.byIdempotencyKey(m, by, file) : null;
        if (earlier) return { file: earlier, replayed: true };
        return { file: await this.insert(m, by, file), replayed: false };
      });
    } catch (err) {
      // Two retries raced past the lookup: the loser answers the winner's file.
      if (!by.idempotencyKey || !isPgError(err, '23505')) throw err;
      const winner = await inFileScope(this.ds, scope, (m) => this.byIdempotencyKey(m, by, file));
      if (!winner) throw err;
      return { file: winner, replayed: true };
    }
  }

  async route(id: string): Promise<FileRoute | null> {
    const [row] = await inFileScope(this.ds, 'system', (m) =>
      m.query(`SELECT ${FILE_COLUMNS} FROM files.stored_file WHERE id = $1`, [id]),
    );
    if (!row) return null;
    const view = toView(row);
    return { id: view.id, state: view.state, uploadedByOrgId: view.uploadedByOrgId, owner: view.owner };
  }

  async find(scope: FileScope, id: string): Promise<StoredFileView | null> {
    const [row] = await inFileScope(this.ds, scope, (m) =>
      m.query(`SELECT ${FILE_COLUMNS} FROM files.stored_file WHERE id = $1`, [id]),
    );
    return row ? toView(row) : null;
  }

  /**
   * Reads every chunk and checks count, size and SHA-256 against what was recorded at upload, before the caller
   * sends a single byte. Files are at most 10 MB, so holding the verified Buffers is cheaper than a second pass.
   */
  async readVerified(
    scope: FileScope,
    id: string,
  ): Promise<{ file: StoredFileView; chunks: Buffer[] } | null> {
    return inFileScope(this.ds, scope, async (m) => {
      const [row]: FileRow[] = await m.query(`SELECT ${FILE_COLUMNS} FROM files.stored_file WHERE id = $1`, [
        id,
      ]);
      if (!row) return null;
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      // One chunk per query: memory per step stays one chunk (and its hex text on the wire), not the whole file.
      for (let seq = 0; seq < row.chunk_count; seq++) {
        const [chunk]: { data: Buffer }[] = await m.query(
          `SELECT data FROM files.file_chunk WHERE file_id = $1 AND seq = $2`,
          [id, seq],
        );
        if (!chunk) return this.corrupt(row, `chunk ${seq} of ${row.chunk_count} is missing`);
        hash.update(chunk.data);
        size += chunk.data.length;
        chunks.push(chunk.data);
      }
      const [{ extra }]: { extra: number }[] = await m.query(
        `SELECT count(*)::int AS extra FROM files.file_chunk WHERE file_id = $1 AND seq >= $2`,
        [id, row.chunk_count],
      );
      if (extra > 0) return this.corrupt(row, `${extra} chunk(s) beyond the recorded ${row.chunk_count}`);
      if (size !== row.size_bytes) return this.corrupt(row, `${size} bytes read, ${row.size_bytes} recorded`);
      const actual = hash.digest('hex');
      if (actual !== row.sha256) return this.corrupt(row, `SHA-256 ${actual} read, ${row.sha256} recorded`);
      return { file: toView(row), chunks };
    });
  }

  /**
   * uploaded → attached to `owner`, once. Attaching again to the same owner is a no-op (a retried command);
   * to another owner it is a conflict: one file has one owning record, so one access rule.
   */
  async attach(scope: FileScope, id: string, owner: FileOwner): Promise<StoredFileView> {
    return inFileScope(this.ds, scope, async (m) => {
      const [current]: FileRow[] = await m.query(
        `SELECT ${FILE_COLUMNS} FROM files.stored_file WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw new DomainError('NOT_FOUND', `File ${id} not found`);
      if (current.state === 'attached') {
        if (sameOwner(current, owner)) return toView(current);
        throw new DomainError('CONFLICT', `File ${id} is already attached to another record`);
      }
      const [[row]]: [FileRow[]] = await m.query(
        `UPDATE files.stored_file SET state = 'attached', owner_service = $2, owner_kind = $3, owner_id = $4, attached_at = now()
          WHERE id = $1 RETURNING ${FILE_COLUMNS}`,
        [id, owner.service, owner.kind, owner.id],
      );
      return toView(row);
    });
  }

  /** Housekeeping: uploads never attached to a record within `olderThan` are abandoned; returns how many went. */
  async deleteUnattached(olderThan: Date): Promise<number> {
    const [, count]: [unknown, number] = await inFileScope(this.ds, 'system', (m) =>
      m.query(`DELETE FROM files.stored_file WHERE state = 'uploaded' AND created_at < $1`, [olderThan]),
    );
    return count;
  }

  private async byIdempotencyKey(
    m: EntityManager,
    by: Uploader,
    file: AcceptedFile,
  ): Promise<StoredFileView | null> {
    const [row]: FileRow[] = await m.query(
      `SELECT ${FILE_COLUMNS} FROM files.stored_file WHERE uploaded_by_org_id = $1 AND idempotency_key = $2`,
      [by.orgId, by.idempotencyKey],
    );
    if (!row) return null;
    if (row.sha256 !== file.body.sha256 || row.size_bytes !== file.body.sizeBytes) {
      throw new DomainError(
        'CONFLICT',
        'This Idempotency-Key was already used for a different file; use a new key for new content.',
      );
    }
    return toView(row);
  }

  private async insert(m: EntityManager, by: Uploader, file: AcceptedFile): Promise<StoredFileView> {
    const [row]: FileRow[] = await m.query(
      `INSERT INTO files.stored_file (sha256, size_bytes, chunk_count, media_type, original_name, purpose,
         uploaded_by_org_id, uploaded_by_user_id, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${FILE_COLUMNS}`,
      [
        file.body.sha256,
        file.body.sizeBytes,
        file.body.chunks.length,
        file.mediaType,
        file.filename,
        file.use,
        by.orgId,
        by.userId,
        by.idempotencyKey ?? null,
      ],
    );
    for (const [seq, data] of file.body.chunks.entries()) {
      await m.query(`INSERT INTO files.file_chunk (file_id, seq, data) VALUES ($1, $2, $3)`, [
        row.id,
        seq,
        data,
      ]);
    }
    return toView(row);
  }

  private corrupt(row: FileRow, detail: string): never {
    this.logger.error(`stored file ${row.id} (${row.original_name}) failed its integrity check: ${detail}`);
    throw new FileStoreError('STORED_FILE_CORRUPT', FILE_ERROR_TEXT.corrupt());
  }
}

function sameOwner(row: FileRow, owner: FileOwner): boolean {
  return row.owner_service === owner.service && row.owner_kind === owner.kind && row.owner_id === owner.id;
}

function toView(r: FileRow): StoredFileView {
  return {
    id: r.id,
    filename: r.original_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    use: r.purpose,
    state: r.state,
    owner:
      r.owner_service && r.owner_kind && r.owner_id
        ? { service: r.owner_service, kind: r.owner_kind, id: r.owner_id }
        : null,
    uploadedByOrgId: r.uploaded_by_org_id,
    uploadedByUserId: r.uploaded_by_user_id,
    createdAt: r.created_at.toISOString(),
    attachedAt: r.attached_at ? r.attached_at.toISOString() : null,
  };
}
