/**
 * シリアル番号 of a credit block: `<registry>-<project>-<vintage>-<first unit>-<last unit>`, e.g.
 * `JP-MN001-2024-1-5000` is units 1 to 5,000 (inclusive) of project MN001, vintage 2024, held in Japan's registry.
 *
 * Units are numbered per project, cumulatively over all of its issuances, starting at 1, so a serial identifies
 * every tonne once across vintages; the vintage is carried for readability and reporting. Unit numbers are
 * unpadded decimal integers; a project reference is upper-case letters and digits (no hyphen), so the five parts
 * split unambiguously.
 */
export interface CreditSerial {
  registry: string;
  project: string;
  vintage: number;
  firstUnit: bigint;
  lastUnit: bigint;
}

export const PROJECT_REFERENCE_PATTERN = /^[A-Z]{2}[A-Z0-9]{1,18}$/;
const SERIAL_PATTERN = /^([A-Z]{2})-([A-Z]{2}[A-Z0-9]{1,18})-(\d{4})-([1-9]\d*)-([1-9]\d*)$/;

export function formatSerial(s: CreditSerial): string {
  if (s.firstUnit < 1n || s.lastUnit < s.firstUnit)
    throw new Error(`Invalid unit range ${s.firstUnit}-${s.lastUnit}`);
  return `${s.registry}-${s.project}-${s.vintage}-${s.firstUnit}-${s.lastUnit}`;
}

export function parseSerial(serial: string): CreditSerial | null {
  const m = SERIAL_PATTERN.exec(serial);
  if (!m) return null;
  const firstUnit = BigInt(m[4]);
  const lastUnit = BigInt(m[5]);
  if (lastUnit < firstUnit) return null;
  return { registry: m[1], project: m[2], vintage: Number(m[3]), firstUnit, lastUnit };
}

/** Tonnes in a block: one unit is one tCO2. */
export function serialQuantity(s: Pick<CreditSerial, 'firstUnit' | 'lastUnit'>): bigint {
  return s.lastUnit - s.firstUnit + 1n;
}
