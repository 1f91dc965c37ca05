import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '@jcm/contracts';
import { ChunkedBytes } from '../upload/chunked-bytes';
import { samplePdf, samplePng, sampleDocx, sampleXlsx, sampleZip } from '../testing/sample-files';
import { acceptMediaType } from './accept-media-type';
import { detectMediaType } from './detect-media-type';
import { FileStoreError } from '../file-store-error';

/** Splits like the store does, at an awkward size, so detection never relies on one contiguous Buffer. */
const bytes = (b: Buffer, chunk = 7) => {
  const chunks: Buffer[] = [];
  for (let i = 0; i < b.length; i += chunk) chunks.push(b.subarray(i, i + chunk));
  return new ChunkedBytes(chunks);
};

describe('detectMediaType', () => {
  it('recognises PDF, PNG, JPEG and GIF by their signatures', () => {
    expect(detectMediaType(bytes(samplePdf(2000)))).toEqual({ kind: 'binary', mediaType: 'application/pdf' });
    expect(detectMediaType(bytes(samplePng()))).toEqual({ kind: 'binary', mediaType: 'image/png' });
    expect(detectMediaType(bytes(Buffer.from('ffd8ffe000104a464946', 'hex')))).toEqual({
      kind: 'binary',
      mediaType: 'image/jpeg',
    });
    expect(detectMediaType(bytes(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')))).toEqual({
      kind: 'binary',
      mediaType: 'image/gif',
    });
    expect(detectMediaType(bytes(Buffer.from('GIF8xa\x01\x00\x01\x00', 'latin1')))).toBeNull();
  });

  it('tells XLSX from DOCX by the part names in the central directory', () => {
    expect(detectMediaType(bytes(sampleXlsx()))).toEqual({ kind: 'binary', mediaType: XLSX_MEDIA_TYPE });
    expect(detectMediaType(bytes(sampleDocx(), 4096))).toEqual({
      kind: 'binary',
      mediaType: DOCX_MEDIA_TYPE,
    });
  });

  it('refuses a plain ZIP, a ZIP that claims to be both, and a ZIP with a broken directory', () => {
    expect(detectMediaType(bytes(sampleZip({ 'xl/workbook.xml': '<w/>' })))).toBeNull();
    const both = sampleZip({
      '[Content_Types].xml': '<T/>',
      'xl/workbook.xml': '<w/>',
      'word/document.xml': '<d/>',
    });
    expect(detectMediaType(bytes(both))).toBeNull();
    const broken = Buffer.from(sampleXlsx());
    broken.writeUInt32LE(0xdeadbeef, broken.length - 22 - 46 - 'xl/worksheets/sheet1.xml'.length); // last central header
    expect(detectMediaType(bytes(broken))).toBeNull();
  });

  it('refuses an executable and other binary data', () => {
    expect(detectMediaType(bytes(Buffer.from('4d5a90000300000004000000ffff0000', 'hex')))).toBeNull(); // MZ (Windows .exe)
    expect(detectMediaType(bytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01])))).toBeNull(); // ELF
  });

  it('reads UTF-8 and Shift_JIS CSV as text, and text with NUL bytes (UTF-16) as nothing', () => {
    expect(detectMediaType(bytes(Buffer.from('日付,kWh\r\n2026-04-01,1234.5\r\n', 'utf8')))).toEqual({
      kind: 'text',
    });
    expect(detectMediaType(bytes(Buffer.from('93fa957425kWh0d0a', 'hex')))).toEqual({ kind: 'text' }); // 日付,kWh in Shift_JIS
    expect(detectMediaType(bytes(Buffer.from('\ufeffa,b', 'utf16le')))).toBeNull();
  });
});

describe('acceptMediaType', () => {
  const pdf = { kind: 'binary', mediaType: 'application/pdf' } as const;
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof FileStoreError ? `${err.httpStatus} ${err.fileCode}` : String(err);
    }
    return 'accepted';
  };

  it('accepts a PDF letter sent as a PDF, as octet-stream, or with no type', () => {
    expect(acceptMediaType(pdf, 'application/pdf', '関心表明レター.pdf', 'letter')).toEqual({
      mediaType: 'application/pdf',
      filename: '関心表明レター.pdf',
    });
    expect(acceptMediaType(pdf, 'application/octet-stream', 'a.PDF', 'letter').mediaType).toBe(
      'application/pdf',
    );
    expect(acceptMediaType(pdf, undefined, 'scan', 'letter').filename).toBe('scan.pdf');
  });

  it('refuses a type the use does not allow with 415, and unknown content with 415', () => {
    const xlsx = { kind: 'binary', mediaType: XLSX_MEDIA_TYPE } as const;
    expect(code(() => acceptMediaType(xlsx, XLSX_MEDIA_TYPE, 'calc.xlsx', 'letter'))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
    expect(acceptMediaType(xlsx, XLSX_MEDIA_TYPE, 'calc.xlsx', 'plan-attachment').mediaType).toBe(
      XLSX_MEDIA_TYPE,
    );
    expect(code(() => acceptMediaType(null, 'application/pdf', 'fake.pdf', 'letter'))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses a declared type or an extension that contradicts the content with 422', () => {
    expect(code(() => acceptMediaType(pdf, 'image/png', 'letter.pdf', 'letter'))).toBe(
      '422 FILE_TYPE_MISMATCH',
    );
    expect(code(() => acceptMediaType(pdf, 'application/pdf', 'letter.png', 'letter'))).toBe(
      '422 FILE_TYPE_MISMATCH',
    );
    expect(code(() => acceptMediaType(pdf, 'application/pdf; charset=binary', 'letter.pdf', 'letter'))).toBe(
      'accepted',
    );
  });

  it('stores text only as CSV, named or declared so (Excel on Windows declares vnd.ms-excel)', () => {
    const text = { kind: 'text' } as const;
    expect(
      acceptMediaType(text, 'application/vnd.ms-excel', 'meter.csv', 'monitoring-evidence').mediaType,
    ).toBe('text/csv');
    expect(code(() => acceptMediaType(text, 'text/plain', 'notes.txt', 'monitoring-evidence'))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
    expect(code(() => acceptMediaType(text, 'text/csv', 'meter.csv', 'letter'))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('keeps a name with an added extension within 200 characters', () => {
    expect([...acceptMediaType(pdf, undefined, 'あ'.repeat(200), 'letter').filename]).toHaveLength(200);
  });
});
