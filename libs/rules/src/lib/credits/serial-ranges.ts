/** A block of credit serial numbers (シリアル番号), inclusive on both ends. */
export interface SerialRange {
  readonly start: bigint;
  readonly end: bigint;
}

export function rangeSize(r: SerialRange): bigint {
  if (r.end < r.start) throw new RangeError('range end before start');
  return r.end - r.start + 1n;
}

// jcm-grants.md §6.3 (ISSUED → ALLOCATED): consecutive blocks from a starting serial, one per allocation.
/** Allocate consecutive, non-overlapping ranges for quantities, starting at `firstSerial` (zero quantities get none). */
export function allocateSerialRanges(
  firstSerial: bigint,
  quantities: readonly bigint[],
): (SerialRange | null)[] {
  let next = firstSerial;
  return quantities.map((q) => {
    if (q < 0n) throw new RangeError('quantity must be ≥ 0');
    if (q === 0n) return null;
    const range = { start: next, end: next + q - 1n };
    next += q;
    return range;
  });
}

// jcm-grants.md §6.3: a partial transfer takes the lowest serials of a block and leaves the rest.
/** Split a range on a partial transfer: the first `quantity` serials move, the remainder stays. */
export function splitSerialRange(
  r: SerialRange,
  quantity: bigint,
): { transferred: SerialRange; remaining: SerialRange | null } {
  const size = rangeSize(r);
  if (quantity <= 0n || quantity > size)
    throw new RangeError('transfer quantity must be between 1 and the range size');
  const transferred = { start: r.start, end: r.start + quantity - 1n };
  return { transferred, remaining: quantity === size ? null : { start: transferred.end + 1n, end: r.end } };
}

export function rangesOverlap(a: SerialRange, b: SerialRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when no two ranges share a serial number. */
export function noOverlap(ranges: readonly SerialRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return sorted.every((r, i) => {
    rangeSize(r);
    return i === 0 || sorted[i - 1].end < r.start;
  });
}

export function formatRange(r: SerialRange): { start: string; end: string } {
  return { start: r.start.toString(), end: r.end.toString() };
}
