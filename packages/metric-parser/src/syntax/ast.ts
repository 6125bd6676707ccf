/** Arithmetic nodes. `BinaryExpression` comes from jsep; the others from this package's token hook. */
export type ArithNode = NumberNode | VariableNode | NullNode | UnaryNode | BinaryNode | CaseNode;

export interface NumberNode {
  readonly type: "Literal";
  /** The literal as written; Python evaluates `float(raw)` on every evaluation. */
  readonly raw: string;
}

export interface VariableNode {
  readonly type: "Identifier";
  readonly name: string;
}

/** `NULL`, exactly that case. */
export interface NullNode {
  readonly type: "Null";
}

/** A run of prefix signs, outermost first (`-+x` is `-(+x)`). */
export interface UnaryNode {
  readonly type: "Unary";
  readonly operators: string;
  readonly argument: ArithNode;
}

export interface BinaryNode {
  readonly type: "BinaryExpression";
  readonly operator: "+" | "-" | "*" | "/" | "^";
  readonly left: ArithNode;
  readonly right: ArithNode;
}

export interface CaseNode {
  readonly type: "Case";
  readonly branches: readonly { readonly when: ConditionNode; readonly result: ArithNode }[];
  readonly otherwise: ArithNode | undefined;
}

export type ConditionNode = CompareNode | LogicalNode | NotNode;

export interface CompareNode {
  readonly type: "Compare";
  readonly operator: ">=" | "<=" | "!=" | ">" | "<" | "=" | "==";
  readonly left: ArithNode;
  readonly right: ArithNode;
}

export interface LogicalNode {
  readonly type: "And" | "Or";
  readonly operands: readonly ConditionNode[];
}

export interface NotNode {
  readonly type: "Not";
  readonly argument: ConditionNode;
}

export interface TernaryNode {
  readonly type: "Ternary";
  readonly test: CompareNode;
  readonly consequent: ArithNode;
  readonly alternate: ArithNode;
}

/** What a parser returns: an arithmetic expression, a ternary or a CASE. */
export type RootNode = ArithNode | TernaryNode;
