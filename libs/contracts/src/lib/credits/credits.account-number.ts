/**
 * 口座番号 (registry account number) with ISO 7064 MOD 97-10 check digits, the scheme IBAN uses.
 *
 * Format: `<registry>-<type digit><9-digit sequence>-<2 check digits>`, e.g. `JP-2000000042-NN`.
 * - registry: the registry code (ISO 3166 alpha-2 of the side, `JP` for Japan's registry);
 * - type digit: 1 government holding, 2 entity holding, 3 cancellation, 4 retirement, 9 issuance;
 * - check digits: letters of the registry code become two digits each (A=10 … Z=35), followed by the 10-digit
 *   body; check = 98 − (that number × 100 mod 97), zero-padded. A number is valid iff (number ‖ check) mod 97 = 1,
 *   which catches every single-digit error and every adjacent transposition.
 */
export const ACCOUNT_TYPE_DIGIT = {
  GOVERNMENT_HOLDING: '1',
  ENTITY_HOLDING: '2',
  CANCELLATION: '3',
  RETIREMENT: '4',
  ISSUANCE: '9',
} as const;

export const ACCOUNT_NUMBER_PATTERN = /^([A-Z]{2})-(\d{10})-(\d{2})$/;

function digitsOf(registry: string, body: string): string {
  const letters = [...registry].map((c) => String(c.charCodeAt(0) - 55)).join('');
  return letters + body;
}

/** Remainder of a long decimal string mod 97, in chunks so no precision is lost. */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  return rest;
}

export function accountCheckDigits(registry: string, body: string): string {
  return String(98 - mod97(digitsOf(registry, body) + '00')).padStart(2, '0');
}

/** Builds the account number of the `sequence`-th account (sequence ≥ 1, < 10⁹). */
export function formatAccountNumber(
  registry: string,
  type: keyof typeof ACCOUNT_TYPE_DIGIT,
  sequence: bigint,
): string {
  if (!/^[A-Z]{2}$/.test(registry)) throw new Error(`Invalid registry code ${registry}`);
  if (sequence < 1n || sequence >= 1_000_000_000n)
    throw new Error(`Account sequence out of range: ${sequence}`);
  const body = ACCOUNT_TYPE_DIGIT[type] + sequence.toString().padStart(9, '0');
  return `${registry}-${body}-${accountCheckDigits(registry, body)}`;
}

export function isValidAccountNumber(value: string): boolean {
  const m = ACCOUNT_NUMBER_PATTERN.exec(value);
  if (!m) return false;
  return mod97(digitsOf(m[1], m[2]) + m[3]) === 1;
}
