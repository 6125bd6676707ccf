import jsep from "jsep";

/** The part of a jsep parser instance this package drives. */
export interface JsepScope {
  index: number;
  readonly expr: string;
  gobbleBinaryExpression(): unknown;
}

type HookEnv = { node?: unknown };
type TokenHook = (this: JsepScope, env: HookEnv) => void;

interface JsepStatics {
  new (expr: string): JsepScope;
  hooks: object;
  unary_ops: Record<string, number>;
  binary_ops: Record<string, number>;
  right_associative: Set<string>;
  additional_identifier_chars: Set<string>;
  literals: Record<string, unknown>;
  this_str: string;
  max_unop_len: number;
  max_binop_len: number;
}

const Jsep = (jsep as unknown as { Jsep: JsepStatics }).Jsep;
const CONFIG_KEYS = [
  "hooks",
  "unary_ops",
  "binary_ops",
  "right_associative",
  "additional_identifier_chars",
  "literals",
  "this_str",
  "max_unop_len",
  "max_binop_len",
] as const;
type Config = Pick<JsepStatics, (typeof CONFIG_KEYS)[number]>;

/**
 * jsep keeps its operator tables and hooks on the class, shared by every user in the process. Rather than
 * reconfigure it for everyone, each parse swaps this package's configuration in and restores the previous
 * one in `finally`; parsing is synchronous, so no other code runs in between.
 *
 * The configuration: only `+ - * / ^` as binary operators, `^` above `*`/`/` and right-associative (jsep's
 * default makes `^` a low-precedence XOR); no unary operators, literals or `this` (the token hook reads signs,
 * numbers, identifiers, groups and CASE itself, so jsep never sees strings, arrays, members or calls).
 */
export function createJsepRunner(tokenHook: TokenHook): <T>(text: string, run: (scope: JsepScope) => T) => T {
  const hooks = Object.create(Object.getPrototypeOf(Jsep.hooks)) as Record<string, unknown>;
  hooks["gobble-token"] = [tokenHook];
  const ours: Config = {
    hooks,
    unary_ops: {},
    binary_ops: { "+": 9, "-": 9, "*": 10, "/": 10, "^": 11 },
    right_associative: new Set(["^"]),
    additional_identifier_chars: new Set(),
    literals: {},
    this_str: "\u0000",
    max_unop_len: 0,
    max_binop_len: 1,
  };
  const statics = Jsep as unknown as Record<string, unknown>;
  return (text, run) => {
    const saved: Record<string, unknown> = {};
    for (const key of CONFIG_KEYS) {
      saved[key] = statics[key];
      statics[key] = ours[key];
    }
    try {
      return run(new Jsep(text));
    } finally {
      for (const key of CONFIG_KEYS) statics[key] = saved[key];
    }
  };
}
