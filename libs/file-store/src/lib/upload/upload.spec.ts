import { createHash } from 'crypto';
import { Readable } from 'stream';
import { FileStoreError } from '../file-store-error';
import { samplePdf } from '../testing/sample-files';
import { acceptUpload } from './accept-upload';
import { ChunkedBytes } from './chunked-bytes';
import { collectUpload } from './collect-upload';
import { contentDisposition, fileNameFromHeader } from './file-name';

async function* pieces(b: Buffer, size: number) {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('collectUpload', () => {
  it('cuts the stream into fixed chunks whatever the piece sizes, with the SHA-256 of the whole', async () => {
    const body = samplePdf(1000);
    const got = await collectUpload(pieces(body, 33), 10_000, 128);
    expect(got.chunks.map((c) => c.length)).toEqual([128, 128, 128, 128, 128, 128, 128, 104]);
    expect(Buffer.concat(got.chunks).equals(body)).toBe(true);
    expect(got.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(got.sizeBytes).toBe(1000);
  });

  it('stops reading once the limit is passed', async () => {
    let read = 0;
    async function* counted() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield Buffer.alloc(100, 0x41);
      }
    }
    await expect(collectUpload(counted(), 1000, 256)).rejects.toMatchObject({
      fileCode: 'FILE_TOO_LARGE',
      httpStatus: 413,
    });
    expect(read).toBe(11);
  });

  it('refuses an empty body', async () => {
    await expect(collectUpload(pieces(Buffer.alloc(0), 1))).rejects.toMatchObject({ fileCode: 'FILE_EMPTY' });
  });
});

describe('ChunkedBytes', () => {
  it('slices across chunk borders and clips at the end', () => {
    const b = new ChunkedBytes([Buffer.from('abc'), Buffer.from('defg'), Buffer.from('h')]);
    expect(b.slice(2, 4).toString()).toBe('cdef');
    expect(b.slice(6, 10).toString()).toBe('gh');
    expect(b.slice(-2, 3).toString()).toBe('a');
  });
});

describe('file names', () => {
  it('decodes percent-encoded UTF-8, drops folders and normalises to NFC', () => {
    expect(fileNameFromHeader(encodeURIComponent('関心表明レター（バンコク）.pdf'))).toBe(
      '関心表明レター（バンコク）.pdf',
    );
    expect(fileNameFromHeader(encodeURIComponent('C:\\Users\\me\\報告書.pdf'))).toBe('報告書.pdf');
    expect(fileNameFromHeader(encodeURIComponent('../../etc/passwd'))).toBe('passwd');
    expect(fileNameFromHeader(encodeURIComponent('ト\u3099.pdf'))).toBe('ド.pdf');
  });

  it('refuses a missing, undecodable or control-character name', () => {
    for (const bad of [
      undefined,
      '',
      '%E3%81',
      Buffer.from('報告書.pdf').toString('latin1'),
      encodeURIComponent('a\nb.pdf'),
      encodeURIComponent('dir/'),
    ]) {
      expect(() => fileNameFromHeader(bad)).toThrow(FileStoreError);
    }
  });

  it('writes Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('報告書 (案).pdf', false)).toBe(
      `attachment; filename="___ (_).pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8%20%28%E6%A1%88%29.pdf`,
    );
    expect(contentDisposition('a"b.pdf', true)).toBe(
      `inline; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`,
    );
  });
});

describe('acceptUpload', () => {
  it('checks the name before reading the body', async () => {
    let touched = false;
    const body = Readable.from(
      (function* () {
        touched = true;
        yield samplePdf(100);
      })(),
    );
    await expect(
      acceptUpload({ use: 'letter', declaredType: 'application/pdf', fileNameHeader: undefined, body }),
    ).rejects.toMatchObject({
      fileCode: 'FILE_NAME_INVALID',
    });
    expect(touched).toBe(false);
  });
});
