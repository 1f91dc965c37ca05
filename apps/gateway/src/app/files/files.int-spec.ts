import { createHash, randomUUID } from 'crypto';
import { request as httpRequest } from 'http';
import { AddressInfo } from 'net';
import { Controller, INestApplication, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Client } from 'pg';
import { fileAccessSubject, RequestContext } from '@jcm/contracts';
import { sampleDocx, samplePdf, samplePng, sampleXlsx } from '@jcm/file-store';
import { answerFileAccess } from '@jcm/service-kit';
import { queryAs, startTestService } from '@jcm/testing';
import { DEMO_ORGS } from '../demo/demo-data';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';
import { FileAttachments } from './file-attachments';

/** Records of a test-only "grants" service: which file each holds and which organisations may see it. */
const records = new Map<string, { fileId: string; orgIds: string[] }>();
const asked: { orgId: string; ownerId: string }[] = [];

@Controller()
class TestApplicationFilesHandler {
  @MessagePattern(fileAccessSubject('grants'))
  check(@Payload() raw: unknown) {
    return answerFileAccess(raw, {
      application: async (ctx, c) => {
        asked.push({ orgId: ctx.orgId, ownerId: c.ownerId });
        const r = records.get(c.ownerId);
        return !!r && r.fileId === c.fileId && r.orgIds.includes(ctx.orgId);
      },
    });
  }
}

@Module({ controllers: [TestApplicationFilesHandler] })
class TestGrantsModule {}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const LETTER_NAME = '関心表明レター（バンコク都）2026年度.pdf';

describe('file store through the gateway (real PostgreSQL and NATS)', () => {
  let world: GatewayWorld;
  let grants: INestApplication;
  let port: number;
  const http = () => world.http();
  const as = (who: string) => world.as(who);

  const admin = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: world.db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const counts = async () =>
    (
      await admin<{
        files: number;
        chunks: number;
      }>(`SELECT (SELECT count(*)::int FROM files.stored_file) AS files,
      (SELECT count(*)::int FROM files.file_chunk) AS chunks`)
    )[0];

  const upload = (who: string, body: Buffer, type: string, name: string, use = 'letter') =>
    http()
      .post(`/api/v1/files?use=${use}`)
      .set(as(who))
      .set('Content-Type', type)
      .set('X-File-Name', encodeURIComponent(name))
      .send(body);

  const ctxOf = async (who: string): Promise<RequestContext> => {
    const me = await http().get('/api/v1/me').set(as(who)).expect(200);
    return {
      userId: me.body.user.id,
      orgId: me.body.organisation.id,
      orgType: me.body.organisation.type,
      role: 'editor',
      correlationId: randomUUID(),
    };
  };

  beforeAll(async () => {
    world = await startGatewayWorld();
    grants = await startTestService('grants-service', { module: TestGrantsModule }, world.bus);
    await world.gateway.listen(0, '127.0.0.1');
    port = (world.gateway.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await grants?.close();
    await stopGatewayWorld(world);
  });

  it('round-trips a 3 MB PDF with a Japanese name: same bytes, SHA-256 recorded, stored in 256 KiB chunks', async () => {
    const pdf = samplePdf(3 * 1024 * 1024, 'round trip');
    const res = await upload('yokohama', pdf, 'application/pdf', LETTER_NAME).expect(201);
    expect(res.body).toMatchObject({
      filename: LETTER_NAME,
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha(pdf),
      use: 'letter',
      state: 'uploaded',
      owner: null,
      uploadedByOrgId: DEMO_ORGS.yokohama,
    });
    expect(res.headers['location']).toBe(`/api/v1/files/${res.body.id}`);
    const [row] = await admin<{ chunks: number; largest: number }>(
      `SELECT count(*)::int AS chunks, max(octet_length(data))::int AS largest FROM files.file_chunk WHERE file_id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({ chunks: 12, largest: 256 * 1024 });

    const meta = await http().get(`/api/v1/files/${res.body.id}`).set(as('yokohama')).expect(200);
    expect(meta.body).toEqual(res.body);
    const got = await http()
      .get(`/api/v1/files/${res.body.id}/content`)
      .set(as('yokohama'))
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(pdf.length));
    expect(got.headers['cache-control']).toBe('private, no-store');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha(pdf), 'hex').toString('base64')}:`);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="${LETTER_NAME.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(LETTER_NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const name = /filename\*=UTF-8''(.+)$/.exec(got.headers['content-disposition'])![1];
    expect(decodeURIComponent(name)).toBe(LETTER_NAME);
    const inline = await http()
      .get(`/api/v1/files/${res.body.id}/content?inline=1`)
      .set(as('yokohama'))
      .responseType('blob')
      .expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('answers 413 to an 11 MB upload, whether announced by Content-Length or streamed chunked, and stores nothing', async () => {
    const before = await counts();
    const big = samplePdf(11 * 1024 * 1024);
    const res = await upload('yokohama', big, 'application/pdf', 'big.pdf').expect(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(res.body.message_ja).toContain('10 MB');
    expect(res.body.message_en).toContain('Nothing was stored');

    const streamed = await postChunked(port, world.tokens['yokohama'], big, 64 * 1024);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).code).toBe('FILE_TOO_LARGE');
    expect(await counts()).toEqual(before);
    // Exactly at the limit is accepted.
    await upload('yokohama', samplePdf(10 * 1024 * 1024), 'application/pdf', 'limit.pdf').expect(201);
  });

  it('refuses content that does not match its type or use, with both languages, and stores nothing', async () => {
    const before = await counts();
    const mismatch = await upload('yokohama', samplePng(), 'application/pdf', 'scan.pdf').expect(422);
    expect(mismatch.body.code).toBe('FILE_TYPE_MISMATCH');
    expect(mismatch.body.message_ja).toContain('PNG');
    const renamed = await upload(
      'yokohama',
      samplePdf(2048),
      'application/pdf',
      'calc.xlsx',
      'plan-attachment',
    ).expect(422);
    expect(renamed.body.issues).toEqual([expect.objectContaining({ path: 'X-File-Name' })]);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4000, 0)]);
    const fake = await upload('yokohama', exe, 'application/pdf', 'letter.pdf').expect(415);
    expect(fake.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    const docx = await upload(
      'yokohama',
      sampleDocx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'letter.docx',
    ).expect(415);
    expect(docx.body.message_en).toContain('Accepted: PDF, PNG, JPEG');
    const json = await http()
      .post('/api/v1/files?use=letter')
      .set(as('yokohama'))
      .send({ not: 'a file' })
      .expect(415);
    expect(json.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    await upload('yokohama', samplePdf(100), 'application/pdf', 'x.pdf', 'selfie').expect(400);
    await http()
      .post('/api/v1/files?use=letter')
      .set(as('yokohama'))
      .set('Content-Type', 'application/pdf')
      .send(samplePdf(100))
      .expect(400);
    expect(await counts()).toEqual(before);
    // The same spreadsheet is welcome as a plan-form attachment.
    const xlsx = await upload(
      'company',
      sampleXlsx(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '費用内訳.xlsx',
      'plan-attachment',
    ).expect(201);
    expect(xlsx.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses an upload by a viewer (read-only everywhere) and stores nothing', async () => {
    const before = await counts();
    const tpe = `(SELECT id FROM identity.app_user WHERE email = 'tpe@demo.example')`;
    await admin(`UPDATE identity.membership SET role = 'viewer' WHERE user_id = ${tpe}`);
    try {
      const res = await upload(
        'tpe',
        samplePdf(2048),
        'application/pdf',
        'evidence.pdf',
        'monitoring-evidence',
      ).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    } finally {
      await admin(`UPDATE identity.membership SET role = 'admin' WHERE user_id = ${tpe}`);
    }
    expect(await counts()).toEqual(before);
    await upload('tpe', samplePdf(2048), 'application/pdf', 'evidence.pdf', 'monitoring-evidence').expect(
      201,
    );
  });

  it('fails the download of a tampered file with STORED_FILE_CORRUPT and sends none of its bytes', async () => {
    const pdf = samplePdf(700 * 1024);
    const { body } = await upload('yokohama', pdf, 'application/pdf', 'tamper.pdf').expect(201);
    await http().get(`/api/v1/files/${body.id}/content`).set(as('yokohama')).expect(200);
    await admin(
      `UPDATE files.file_chunk SET data = overlay(data PLACING '\\x58'::bytea FROM 1000 FOR 1) WHERE file_id = $1 AND seq = 1`,
      [body.id],
    );
    const res = await http().get(`/api/v1/files/${body.id}/content`).set(as('yokohama')).expect(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ code: 'STORED_FILE_CORRUPT' });
    expect(res.body.message_ja).toContain('SHA-256');
    expect(res.text).not.toContain('%PDF');
    // A missing chunk is caught the same way.
    const second = await upload('yokohama', pdf, 'application/pdf', 'tamper2.pdf').expect(201);
    await admin(`DELETE FROM files.file_chunk WHERE file_id = $1 AND seq = 2`, [second.body.id]);
    expect(
      (await http().get(`/api/v1/files/${second.body.id}/content`).set(as('yokohama')).expect(500)).body.code,
    ).toBe('STORED_FILE_CORRUPT');
  });

  it('answers 404 to another organisation (MOE included) for an upload no record owns yet', async () => {
    const { body } = await upload('yokohama', samplePdf(4096), 'application/pdf', 'mine.pdf').expect(201);
    for (const who of ['kitakyushu', 'bangkok', 'moe']) {
      expect((await http().get(`/api/v1/files/${body.id}`).set(as(who)).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
      await http().get(`/api/v1/files/${body.id}/content`).set(as(who)).expect(404);
    }
    await http().get(`/api/v1/files/${randomUUID()}`).set(as('yokohama')).expect(404);
    await http().get('/api/v1/files/not-a-uuid/content').set(as('yokohama')).expect(400);
    await http().get(`/api/v1/files/${body.id}/content`).expect(401);
    // RLS agrees, under the store's own role.
    const sql = `SELECT id FROM files.stored_file WHERE id = $1`;
    expect(
      await queryAs(world.db.url, { role: 'jcm_files', orgId: DEMO_ORGS.kitakyushu }, sql, [body.id]),
    ).toEqual([]);
    expect(
      await queryAs(world.db.url, { role: 'jcm_files', orgId: DEMO_ORGS.yokohama }, sql, [body.id]),
    ).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key and bytes with the same file, and refuses the key for other bytes', async () => {
    const pdf = samplePdf(300 * 1024);
    const key = `upload-${randomUUID()}`;
    const first = await upload('kitakyushu', pdf, 'application/pdf', 'retry.pdf')
      .set('Idempotency-Key', key)
      .expect(201);
    const again = await upload('kitakyushu', pdf, 'application/pdf', 'retry.pdf')
      .set('Idempotency-Key', key)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [{ n }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM files.stored_file WHERE idempotency_key = $1`,
      [key],
    );
    expect(n).toBe(1);
    await upload('kitakyushu', samplePdf(300 * 1024, 'other'), 'application/pdf', 'retry.pdf')
      .set('Idempotency-Key', key)
      .expect(409);
    // Keys are per organisation: Yokohama's use of the same key is its own file.
    const other = await upload('yokohama', pdf, 'application/pdf', 'retry.pdf')
      .set('Idempotency-Key', key)
      .expect(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('streams an attached file only to those its owning record admits, asking the owning service over NATS', async () => {
    const pdf = samplePdf(50 * 1024);
    const { body } = await upload(
      'company',
      pdf,
      'application/pdf',
      '実施計画書.pdf',
      'plan-attachment',
    ).expect(201);
    const files = world.gateway.get(FileAttachments);
    const company = await ctxOf('company');
    const applicationId = randomUUID();
    const ref = await files.claim(company, body.id, 'plan-attachment');
    expect(ref).toEqual({
      fileId: body.id,
      filename: '実施計画書.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha(pdf),
    });
    await expect(files.claim(company, body.id, 'letter')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(files.claim(await ctxOf('yokohama'), body.id, 'plan-attachment')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    records.set(applicationId, { fileId: body.id, orgIds: [DEMO_ORGS.company, DEMO_ORGS.gec] });
    const owner = { service: 'grants', kind: 'application', id: applicationId } as const;
    expect(await files.attach(company, body.id, owner)).toMatchObject({ state: 'attached', owner });
    await files.attach(company, body.id, owner); // a retried command attaches again without harm
    await expect(files.attach(company, body.id, { ...owner, id: randomUUID() })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(files.claim(company, body.id, 'plan-attachment')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await files.claim(company, body.id, 'plan-attachment', { owner })).toMatchObject({
      fileId: body.id,
    });

    asked.length = 0;
    const got = await http()
      .get(`/api/v1/files/${body.id}/content`)
      .set(as('gec'))
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
    expect(asked).toEqual([{ orgId: DEMO_ORGS.gec, ownerId: applicationId }]);
    await http().get(`/api/v1/files/${body.id}/content`).set(as('kitakyushu')).expect(404);
    await http().get(`/api/v1/files/${body.id}`).set(as('moe')).expect(404);
    // Once the record no longer admits the uploader (or no longer holds the file), neither may read it.
    records.set(applicationId, { fileId: randomUUID(), orgIds: [DEMO_ORGS.company] });
    await http().get(`/api/v1/files/${body.id}/content`).set(as('company')).expect(404);
  });
});

/** POST with Transfer-Encoding: chunked (no Content-Length), so only the check while streaming can stop it. */
function postChunked(
  port: number,
  token: string,
  body: Buffer,
  piece: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/files?use=letter',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/pdf',
          'X-File-Name': 'stream.pdf',
          'Transfer-Encoding': 'chunked',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const ok = req.write(body.subarray(offset, offset + piece));
        offset += piece;
        if (!ok) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}
