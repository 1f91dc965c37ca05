import { FormulaError } from './formula-error';

export type TokenKind = 'number' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Normalised text: '×' → '*', '÷' → '/', '−' → '-', 'Σ' → 'sum'. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A formula longer than this is refused before parsing (a methodology formula is a line or two). */
export const MAX_FORMULA_LENGTH = 4000;

const OPERATORS: Readonly<Record<string, string>> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
};
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const SPACE = /[ \t\r\n\u3000]/;

/** Tokenise a formula. Anything outside the grammar's alphabet is a SYNTAX_ERROR at its offset. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      'TOO_COMPLEX',
      `formula longer than ${MAX_FORMULA_LENGTH} characters`,
      source,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (SPACE.test(c)) {
      i++;
    } else if (DIGIT.test(c)) {
      const start = i;
      while (i < source.length && DIGIT.test(source[i])) i++;
      if (source[i] === '.') {
        i++;
        if (!DIGIT.test(source[i] ?? ''))
          throw new FormulaError('SYNTAX_ERROR', 'a decimal point must be followed by digits', source, i);
        while (i < source.length && DIGIT.test(source[i])) i++;
      }
      if (IDENT_START.test(source[i] ?? ''))
        throw new FormulaError('SYNTAX_ERROR', 'a number must not run into a name (write 2 * x)', source, i);
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < source.length && IDENT_PART.test(source[i])) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), start, end: i });
    } else if (c === 'Σ') {
      tokens.push({ kind: 'ident', text: 'sum', start: i, end: i + 1 });
      i++;
    } else if (OPERATORS[c] !== undefined) {
      tokens.push({ kind: 'op', text: OPERATORS[c], start: i, end: i + 1 });
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({
        kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma',
        text: c,
        start: i,
        end: i + 1,
      });
      i++;
    } else {
      throw new FormulaError('SYNTAX_ERROR', `unexpected character "${c}"`, source, i);
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}
