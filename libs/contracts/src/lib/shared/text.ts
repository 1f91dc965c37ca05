import * as z from 'zod';

/**
 * The one string rule (文字列の入力規則) for every string a client sends: bodies, queries and NATS commands.
 *
 * - Unicode NFC-normalised, so 「ガ」 typed as two code points and as one compare equal and are stored once.
 * - No NUL (PostgreSQL text refuses it: a 500 before this rule) and no lone UTF-16 surrogate (not valid UTF-8,
 *   stored as U+FFFD or refused depending on the driver path).
 * - A maximum length, always: an unbounded string is a memory and storage attack.
 * - `name`: one line, trimmed (titles, names, codes); `text`: one line, trimmed; `multiline`: line breaks kept,
 *   trailing whitespace trimmed.
 * - `min` ≥ 1 (the default): not blank once invisible characters (zero-width spaces, BOM, bidi marks) are removed,
 *   so a title of only U+200B is refused.
 *
 * Strings built here are recorded in {@link isTextRuleString}; the gateway's input-schema test refuses any other
 * free-text `z.string()` in a route's body, query or path parameters.
 */
export type TextKind = 'name' | 'text' | 'multiline';

export interface TextOptions {
  max: number;
  kind?: TextKind;
  /** Minimum visible characters; 0 allows an empty string. Default 1. */
  min?: number;
}

const built = new WeakSet<z.ZodType>();

/** True when `schema` was built by {@link text} or {@link decimalString}. */
export function isTextRuleString(schema: z.ZodType): boolean {
  return built.has(schema);
}

/** Zero-width and other invisible format characters (Unicode Cf, plus the variation selectors). */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f|[\ufe00-\ufe0f]/gu;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Characters that remain once invisible ones and whitespace are removed. */
export function visibleLength(value: string): number {
  return [...value.replace(INVISIBLE, '').replace(/\s/gu, '')].length;
}

function wellFormed(value: string): boolean {
  // String.prototype.isWellFormed is Node 20+; the regex is the same test for older engines.
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

export function text({ max, kind = 'text', min = 1 }: TextOptions): z.ZodString {
  let s = z
    .string()
    .refine(wellFormed, { message: 'Must not contain a lone UTF-16 surrogate', abort: true })
    .refine((v) => !v.includes('\u0000'), { message: 'Must not contain a NUL character', abort: true })
    .normalize('NFC');
  s = kind === 'multiline' ? s.overwrite((v) => v.replace(/\s+$/u, '')) : s.trim();
  s = s.max(max).refine((v) => !CONTROL.test(v), 'Must not contain control characters');
  if (kind !== 'multiline') s = s.refine((v) => !LINE_BREAK.test(v), 'Must be a single line');
  if (min > 0)
    s = s.refine(
      (v) => visibleLength(v) >= min,
      min === 1 ? 'Required' : `At least ${min} visible characters`,
    );
  built.add(s);
  return s;
}

export interface DecimalOptions {
  /** Digits before the decimal point. */
  maxDigits: number;
  /** Digits after it; 0 for whole numbers. Default 10. */
  maxFraction?: number;
}

/** A non-negative decimal as a string ("12340.5"), bounded: a 400-digit tonne estimate is refused. */
export function decimalString({ maxDigits, maxFraction = 10 }: DecimalOptions): z.ZodString {
  const fraction = maxFraction > 0 ? `(\\.\\d{1,${maxFraction}})?` : '';
  const s = z
    .string()
    .max(maxDigits + (maxFraction > 0 ? maxFraction + 1 : 0), { abort: true })
    .regex(
      new RegExp(`^\\d{1,${maxDigits}}${fraction}$`),
      `A non-negative decimal with at most ${maxDigits} digits${maxFraction ? ` and ${maxFraction} decimals` : ''}`,
    );
  built.add(s);
  return s;
}

/**
 * A password or other secret: compared byte for byte, so never normalised or trimmed; only bounded, non-empty and
 * free of NUL and lone surrogates (which PostgreSQL and the hash function would otherwise see differently).
 */
export function secretString({ max }: { max: number }): z.ZodString {
  const s = z
    .string()
    .min(1)
    .max(max)
    .refine(wellFormed, 'Must not contain a lone UTF-16 surrogate')
    .refine((v) => !v.includes('\u0000'), 'Must not contain a NUL character');
  built.add(s);
  return s;
}
