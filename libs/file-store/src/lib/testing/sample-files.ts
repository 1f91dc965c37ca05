/**
 * Small, structurally valid files built in memory, for tests and demo data: a PDF of any size (its padding is a
 * stream object, so viewers still open it), and stored (uncompressed) ZIPs with the parts OOXML detection reads.
 */
export function samplePdf(totalBytes = 1024, title = 'JCM sample'): Buffer {
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 /Title (${title}) >> endobj\n`;
  const tail = `\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  const streamHead = `3 0 obj << /Length 0 >> stream\n`;
  const padding = Math.max(0, totalBytes - head.length - streamHead.length - tail.length);
  // Bytes that vary, so two samples of one size differ only where the test wants them to.
  const pad = Buffer.alloc(padding);
  for (let i = 0; i < padding; i++) pad[i] = 0x20 + ((i * 31) % 90);
  return Buffer.concat([Buffer.from(head + streamHead), pad, Buffer.from(tail)]);
}

export function samplePng(): Buffer {
  return Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
}

/** A ZIP whose entries are stored uncompressed (method 0); CRCs are not checked by detection, so they are zero. */
export function sampleZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export function sampleXlsx(): Buffer {
  return sampleZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<Relationships/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': '<worksheet/>',
  });
}

export function sampleDocx(): Buffer {
  return sampleZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': '<w:document/>',
  });
}
