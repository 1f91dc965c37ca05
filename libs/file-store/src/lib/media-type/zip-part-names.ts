import { ChunkedBytes } from '../upload/chunked-bytes';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
/** An OOXML workbook or document has tens of parts; more than this is not one of ours. */
const MAX_ENTRIES = 10_000;

/**
 * The part names listed in a ZIP's central directory (APPNOTE.TXT §4.3.12, §4.3.16), or null when the bytes are
 * not a well-formed single-disk ZIP. Reads only the directory: no decompression, no dependency. ZIP64 archives
 * (files over 4 GB or 65 535 entries) are answered null: an office file of at most 10 MB never needs one.
 */
export function zipPartNames(bytes: ChunkedBytes): string[] | null {
  if (bytes.length < EOCD_BYTES + 4 || bytes.slice(0, 4).readUInt32LE(0) !== LOCAL_HEADER) return null;
  const tailStart = Math.max(0, bytes.length - EOCD_BYTES - MAX_COMMENT);
  const tail = bytes.slice(tailStart, bytes.length - tailStart);
  let eocd = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY &&
      i + EOCD_BYTES + tail.readUInt16LE(i + 20) === tail.length
    ) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const disk = tail.readUInt16LE(eocd + 4);
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (disk !== 0 || entries === 0xffff || dirOffset === 0xffffffff || entries > MAX_ENTRIES) return null;
  if (dirOffset + dirSize > tailStart + eocd) return null;
  const dir = bytes.slice(dirOffset, dirSize);
  const names: string[] = [];
  let pos = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > dir.length || dir.readUInt32LE(pos) !== CENTRAL_HEADER) return null;
    const nameLength = dir.readUInt16LE(pos + 28);
    const next = pos + 46 + nameLength + dir.readUInt16LE(pos + 30) + dir.readUInt16LE(pos + 32);
    if (next > dir.length) return null;
    names.push(dir.toString('utf8', pos + 46, pos + 46 + nameLength));
    pos = next;
  }
  return names;
}
