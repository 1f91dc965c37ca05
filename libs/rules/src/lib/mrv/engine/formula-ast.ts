/** Binary operators of the formula grammar (四則演算). */
export type BinaryOperator = '+' | '-' | '*' | '/';

interface Span {
  /** Offsets into the formula text: the node is `source.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

/**
 * AST of a methodology formula. Only these five node kinds exist: there is no assignment, no property access, no
 * user-defined function, so nothing a formula says can reach the host language.
 */
export type FormulaNode =
  | (Span & { readonly type: 'number'; readonly value: string })
  | (Span & { readonly type: 'ref'; readonly name: string })
  | (Span & { readonly type: 'neg'; readonly operand: FormulaNode })
  | (Span & {
      readonly type: 'binary';
      readonly op: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    })
  | (Span & { readonly type: 'call'; readonly fn: string; readonly args: readonly FormulaNode[] });

/** Parameter and output names a formula refers to, in order of first use. */
export function referencedNames(node: FormulaNode, into: string[] = []): string[] {
  switch (node.type) {
    case 'ref':
      if (!into.includes(node.name)) into.push(node.name);
      break;
    case 'neg':
      referencedNames(node.operand, into);
      break;
    case 'binary':
      referencedNames(node.left, into);
      referencedNames(node.right, into);
      break;
    case 'call':
      node.args.forEach((a) => referencedNames(a, into));
      break;
  }
  return into;
}
