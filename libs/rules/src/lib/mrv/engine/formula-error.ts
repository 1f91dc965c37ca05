/**
 * Errors of a methodology formula (算定式), each with a code and the position in the formula text, so the portal
 * can point at the character and a service can answer 4xx with it.
 */
export type FormulaErrorCode =
  | 'SYNTAX_ERROR'
  | 'UNKNOWN_FUNCTION'
  | 'UNDEFINED_PARAMETER'
  | 'ARITY'
  | 'TYPE_ERROR'
  | 'INVALID_ARGUMENT'
  | 'CYCLE'
  | 'TOO_COMPLEX'
  | 'DIVISION_BY_ZERO';

/** 0-based offset into the formula text, 1-based line and column (in UTF-16 code units, like the editor). */
export interface FormulaPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export function positionAt(source: string, offset: number): FormulaPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export class FormulaError extends Error {
  readonly position: FormulaPosition;
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
    source: string,
    offset: number,
  ) {
    const position = positionAt(source, offset);
    super(`${code} at ${position.line}:${position.column}: ${message}`);
    this.name = 'FormulaError';
    this.position = position;
  }
}
