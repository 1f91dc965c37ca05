/**
 * A file's bytes as the list of fixed-size chunks they are stored in (the last one shorter), read by offset without
 * joining them: detection needs the first bytes and, for ZIP, the central directory at the end.
 */
export class ChunkedBytes {
  readonly length: number;

  constructor(readonly chunks: readonly Buffer[]) {
    this.length = chunks.reduce((n, c) => n + c.length, 0);
  }

  /** A copy of `[offset, offset + length)`, clipped to the file. */
  slice(offset: number, length: number): Buffer {
    const start = Math.max(0, offset);
    const end = Math.min(this.length, offset + length);
    const out = Buffer.alloc(Math.max(0, end - start));
    let pos = 0;
    let written = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = pos + chunk.length;
      if (chunkEnd > start && pos < end) {
        const from = Math.max(start, pos) - pos;
        const to = Math.min(end, chunkEnd) - pos;
        written += chunk.copy(out, written, from, to);
      }
      pos = chunkEnd;
      if (pos >= end) break;
    }
    return out;
  }

  /** Every byte satisfies `ok` (short-circuits on the first that does not). */
  everyByte(ok: (byte: number) => boolean): boolean {
    for (const chunk of this.chunks) for (const b of chunk) if (!ok(b)) return false;
    return true;
  }
}
