import { describe, expect, it } from "vitest";
import { Complex, SimpleExpressionParser } from "../src/index.js";

// Each expected text is what Python 3.11 prints: `python3 -c "print(complex(re, im))"`.
const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;
const CASES: [number, number, string][] = [
  [1e-5, 1, "(1e-05+1j)"],
  [1, 2, "(1+2j)"],
  [1e16, 0, "(1e+16+0j)"],
  [0.1, -1e-7, "(0.1-1e-07j)"],
  [1e-4, -1e16, "(0.0001-1e+16j)"],
  [1e22, 1e-300, "(1e+22+1e-300j)"],
  [123456789012345.6, 5e-324, "(123456789012345.6+5e-324j)"],
  [-1.5, 2 ** 53, "(-1.5+9007199254740992j)"],
  [2.5, -0, "(2.5-0j)"],
  [-0, -0, "(-0-0j)"],
  [-0, 1, "(-0+1j)"],
  [0, 1, "1j"],
  [0, -0, "-0j"],
  [0, 0, "0j"],
  [0, NAN, "nanj"],
  [1, NAN, "(1+nanj)"],
  [NAN, INF, "(nan+infj)"],
  [-INF, -INF, "(-inf-infj)"],
];

describe("Complex#toString is Python's complex repr", () => {
  it.each(CASES)("complex(%d, %d) prints %s", (re, im, python) => {
    expect(String(new Complex(re, im))).toBe(python);
  });

  it("prints an evaluated complex as Python prints (-8)**(1/3) and (-1)**0.5", () => {
    const parser = new SimpleExpressionParser();
    expect(String(parser.parse("(-8)^(1/3)").evaluate())).toBe("(1.0000000000000002+1.7320508075688772j)");
    expect(String(parser.parse("(-1)^0.5").evaluate())).toBe("(6.123233995736766e-17+1j)");
  });
});
