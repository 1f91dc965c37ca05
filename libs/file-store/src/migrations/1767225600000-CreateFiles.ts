import { MigrationInterface, QueryRunner } from 'typeorm';
import { FileUse, StoredMediaType } from '@jcm/contracts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * files: the platform's one durable file store (DESIGN §4 Files). One row per file with its SHA-256, the body in
 * 256 KiB bytea chunks. Bodies are rows rather than large objects because rows are what RLS, foreign keys with
 * ON DELETE CASCADE, transactions and pg_dump treat uniformly: a large object has no row-level security (only
 * per-object ACLs), outlives a rolled-back or deleted owner unless someone runs lo_unlink/vacuumlo, and is
 * invisible to the per-schema grants every service role is given.
 *
 * RLS: a file is visible to its uploader's organisation, and to anyone whose transaction carries
 * `app.file_grant` = its id: the gateway sets that only after the owning service confirmed the caller may see the
 * record the file is attached to (files.current_file_grant()). MOE and the secretariat get no blanket access to
 * other organisations' unattached uploads: their access comes, like everyone's, through the owning record.
 */
export class CreateFiles1767225600000 implements MigrationInterface {
  name = 'CreateFiles1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION files.current_org_id() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION files.current_file_grant() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.file_grant', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION files.current_scope_is_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.org_type', true), '') = 'SYSTEM' $$`);
    await q.query(`CREATE TABLE files.stored_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      chunk_count integer NOT NULL CHECK (chunk_count > 0),
      media_type text NOT NULL CHECK (media_type IN (${list(StoredMediaType.options)})),
      original_name text NOT NULL CHECK (char_length(original_name) BETWEEN 1 AND 200),
      purpose text NOT NULL CHECK (purpose IN (${list(FileUse.options)})),
      uploaded_by_org_id uuid NOT NULL,
      uploaded_by_user_id uuid NOT NULL,
      idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
      state text NOT NULL DEFAULT 'uploaded' CHECK (state IN ('uploaded', 'attached')),
      owner_service text,
      owner_kind text,
      owner_id uuid,
      attached_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((state = 'uploaded' AND owner_service IS NULL AND owner_kind IS NULL AND owner_id IS NULL AND attached_at IS NULL)
          OR (state = 'attached' AND owner_service IS NOT NULL AND owner_kind IS NOT NULL AND owner_id IS NOT NULL AND attached_at IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX stored_file_idempotency ON files.stored_file (uploaded_by_org_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
    await q.query(
      `CREATE INDEX stored_file_owner ON files.stored_file (owner_service, owner_kind, owner_id) WHERE state = 'attached'`,
    );
    await q.query(
      `CREATE INDEX stored_file_unattached ON files.stored_file (created_at) WHERE state = 'uploaded'`,
    );
    await q.query(`CREATE TABLE files.file_chunk (
      file_id uuid NOT NULL REFERENCES files.stored_file(id) ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq >= 0),
      data bytea NOT NULL CHECK (octet_length(data) > 0),
      PRIMARY KEY (file_id, seq)
    )`);
    // Stored out of line and uncompressed: PDFs, images and OOXML are compressed already, so pglz would only burn CPU.
    await q.query(`ALTER TABLE files.file_chunk ALTER COLUMN data SET STORAGE EXTERNAL`);
    // What was recorded at upload never changes; only uploaded → attached, once, to one owner.
    await q.query(`CREATE FUNCTION files.stored_file_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.sha256, NEW.size_bytes, NEW.chunk_count, NEW.media_type, NEW.original_name, NEW.purpose,
            NEW.uploaded_by_org_id, NEW.uploaded_by_user_id, NEW.idempotency_key, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.sha256, OLD.size_bytes, OLD.chunk_count, OLD.media_type, OLD.original_name,
            OLD.purpose, OLD.uploaded_by_org_id, OLD.uploaded_by_user_id, OLD.idempotency_key, OLD.created_at) THEN
          RAISE EXCEPTION 'a stored file''s recorded content and origin never change';
        END IF;
        IF OLD.state = 'attached' AND (NEW.owner_service, NEW.owner_kind, NEW.owner_id, NEW.state, NEW.attached_at)
           IS DISTINCT FROM (OLD.owner_service, OLD.owner_kind, OLD.owner_id, OLD.state, OLD.attached_at) THEN
          RAISE EXCEPTION 'an attached file keeps its owner';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER stored_file_immutable BEFORE UPDATE ON files.stored_file
      FOR EACH ROW EXECUTE FUNCTION files.stored_file_immutable()`);
    const visible = `files.current_scope_is_system() OR uploaded_by_org_id = files.current_org_id() OR id = files.current_file_grant()`;
    await q.query(`ALTER TABLE files.stored_file ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE files.stored_file FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY stored_file_visible ON files.stored_file USING (${visible}) WITH CHECK (${visible})`,
    );
    const parentVisible = `EXISTS (SELECT 1 FROM files.stored_file f WHERE f.id = file_chunk.file_id)`;
    await q.query(`ALTER TABLE files.file_chunk ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE files.file_chunk FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY file_chunk_visible ON files.file_chunk USING (${parentVisible}) WITH CHECK (${parentVisible})`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE files.file_chunk`);
    await q.query(`DROP TABLE files.stored_file`);
    await q.query(`DROP FUNCTION files.stored_file_immutable()`);
    await q.query(`DROP FUNCTION files.current_scope_is_system()`);
    await q.query(`DROP FUNCTION files.current_file_grant()`);
    await q.query(`DROP FUNCTION files.current_org_id()`);
  }
}
