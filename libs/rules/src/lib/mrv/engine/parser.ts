import type { BinaryOperator, FormulaNode } from './formula-ast';
import { FormulaError } from './formula-error';
import { tokenize, type Token } from './tokenizer';

/** Deeper nesting than this is refused: a real formula never needs it, and it bounds the evaluator's recursion. */
export const MAX_FORMULA_DEPTH = 64;

/**
 * Recursive-descent parser of the formula grammar:
 *
 *   formula  := additive end
 *   additive := term (('+' | '-') term)*
 *   term     := unary (('*' | '/') unary)*
 *   unary    := '-' unary | primary
 *   primary  := number | name | name '(' [additive (',' additive)*] ')' | '(' additive ')'
 *
 * ×, ÷, − and Σ are accepted as spellings of *, /, - and sum. Functions are checked against the allow-list
 * later (type-check.ts), so the parser stays a pure syntax check.
 */
export function parseFormula(source: string): FormulaNode {
  return new Parser(source).parse();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parse(): FormulaNode {
    if (this.peek().kind === 'end') throw this.error('empty formula', this.peek().start);
    const node = this.additive();
    const next = this.peek();
    if (next.kind !== 'end')
      throw this.error(`unexpected "${next.text}" after a complete expression`, next.start);
    return node;
  }

  private additive(): FormulaNode {
    let left = this.term();
    while (this.peek().kind === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const op = this.next().text as BinaryOperator;
      const right = this.term();
      left = { type: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private term(): FormulaNode {
    let left = this.unary();
    while (this.peek().kind === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
      const op = this.next().text as BinaryOperator;
      const right = this.unary();
      left = { type: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.next();
      const operand = this.nested(() => this.unary());
      return { type: 'neg', operand, start: t.start, end: operand.end };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.text, start: t.start, end: t.end };
      case 'ident':
        if (this.peek().kind === 'lparen') return this.call(t);
        return { type: 'ref', name: t.text, start: t.start, end: t.end };
      case 'lparen': {
        const inner = this.nested(() => this.additive());
        this.expect('rparen', '")"', t.start);
        return inner;
      }
      case 'end':
        throw this.error('the formula ends where a number, name or "(" was expected', t.start);
      default:
        throw this.error(`unexpected "${t.text}" where a number, name or "(" was expected`, t.start);
    }
  }

  private call(name: Token): FormulaNode {
    this.next(); // '('
    const args: FormulaNode[] = [];
    if (this.peek().kind !== 'rparen') {
      args.push(this.nested(() => this.additive()));
      while (this.peek().kind === 'comma') {
        this.next();
        args.push(this.nested(() => this.additive()));
      }
    }
    const close = this.expect('rparen', '")" or ","', name.start);
    return { type: 'call', fn: name.text, args, start: name.start, end: close.end };
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FORMULA_DEPTH) {
      throw new FormulaError(
        'TOO_COMPLEX',
        `nesting deeper than ${MAX_FORMULA_DEPTH}`,
        this.source,
        this.peek().start,
      );
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private expect(kind: Token['kind'], what: string, openedAt: number): Token {
    const t = this.peek();
    if (t.kind !== kind) {
      const found = t.kind === 'end' ? 'the end of the formula' : `"${t.text}"`;
      throw this.error(`expected ${what}, found ${found} (opened at offset ${openedAt})`, t.start);
    }
    return this.next();
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  private error(message: string, offset: number): FormulaError {
    return new FormulaError('SYNTAX_ERROR', message, this.source, offset);
  }
}
