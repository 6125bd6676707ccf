/** The Decimal emulation against Python's own `decimal` module, on generated operands. */

import { pyStr } from "@meterkit/core/python";
import { seededRandom } from "@meterkit/core/testing";
import { describe, expect, it } from "vitest";
import {
  decAdd,
  decCmp,
  decFromFloat,
  decMul,
  decToString,
  parsePyDecimal,
} from "../src/decimal/py-decimal.js";
import { pyDecimalOf } from "../src/engine/python-values.js";
import type { DescValue } from "../src/index.js";
import { runPython } from "./support/python.js";

const SEED = Number(process.env.MK_TEST_SEED ?? 20261122);

function randomDecimal(r: () => number): string {
  const sign = r() < 0.2 ? "-" : "";
  const intDigits = Math.floor(r() * 14);
  const fracDigits = Math.floor(r() * 30);
  let s = "";
  for (let i = 0; i < intDigits; i++) s += Math.floor(r() * 10);
  let f = "";
  for (let i = 0; i < fracDigits; i++) f += r() < 0.3 ? "0" : Math.floor(r() * 10);
  const body = `${s || "0"}${f ? `.${f}` : ""}`;
  return r() < 0.1 ? `${sign}${body}E${Math.floor(r() * 20) - 10}` : `${sign}${body}`;
}

describe("Python Decimal emulation (prec 28, ROUND_HALF_EVEN)", () => {
  it("adds, multiplies, compares and prints like CPython's decimal", () => {
    const r = seededRandom(SEED);
    const pairs = Array.from({ length: 3000 }, () => [randomDecimal(r), randomDecimal(r)] as const);
    // Mix in zeros with exponents and exact cancellations, where signs and exponents are subtle.
    pairs.push(["0E-27", "-0.0"], ["-0", "-0E-3"], ["1.5", "-1.50"], ["0", "2.0000000000000000000000000000"]);
    const expected = runPython<{ add: string; mul: string; cmp: number; str: string }[]>(
      `import sys, json
from decimal import Decimal
out = []
for a, b in json.load(sys.stdin):
    x, y = Decimal(a), Decimal(b)
    out.append({"add": str(x + y), "mul": str(x * y), "cmp": (x > y) - (x < y), "str": str(x)})
print(json.dumps(out))`,
      pairs,
    );
    pairs.forEach(([a, b], i) => {
      const x = parsePyDecimal(a)!;
      const y = parsePyDecimal(b)!;
      const want = expected[i]!;
      expect(
        {
          add: decToString(decAdd(x, y)),
          mul: decToString(decMul(x, y)),
          cmp: decCmp(x, y),
          str: decToString(x),
        },
        `${a} ${b}`,
      ).toEqual(want);
    });
  });

  it("converts floats exactly like Decimal(float)", () => {
    const r = seededRandom(SEED + 1);
    const floats = Array.from({ length: 500 }, () => (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20));
    floats.push(0.1, 0.7, 1e-7, 5e-324, 1.7976931348623157e308);
    const expected = runPython<string[]>(
      "import sys, json\nfrom decimal import Decimal\nprint(json.dumps([str(Decimal(float(x))) for x in json.load(sys.stdin)]))",
      floats,
    );
    floats.forEach((x, i) => {
      expect(decToString(decFromFloat(x)), String(x)).toBe(expected[i]);
    });
  });

  it("reads desc values as Python does after JSON: str() for matches, Decimal() for thresholds", () => {
    const r = seededRandom(SEED + 2);
    const values: DescValue[] = [4096, -0, 0.5, 1e-7, 1e-4, 1e16, 1e21, 123.456, 2 ** 60, true, false, null];
    values.push("12", " 7.50 ", "1_000", "1e3", "-inf", "Infinity");
    // Lists: Decimal's tuple form (sign, digits, exponent), valid and not; dicts; nesting for str().
    values.push(
      [0, [4, 0, 9, 6], 0],
      [1, [5], 0],
      [0, [1, 2], -1],
      [0, [], 0],
      [0, [0, 0, 1], 3],
      [true, [1], 2],
      [false, [true, false], -1],
      [0, [1], "F"],
      [1, [], "F"],
      [0, [1], "n"],
      [0, [1], "N"],
      [0, [1], "f"],
      [0, [1.5], 0],
      [0, [10], 0],
      [0, [-1], 0],
      [2, [1], 0],
      [0, [1], 1.5],
      [0, [1], 1e21],
      [0, "12", 0],
      [0, [1, 2]],
      [],
      [1, "a", null, [true, 0.5, { k: [] }]],
      { k: null, "it's": '"q"', n: [1e-7, 2 ** 60] },
      {},
    );
    for (let i = 0; i < 300; i++)
      values.push((r() - 0.5) * 10 ** Math.floor(r() * 30 - 12), Math.floor((r() - 0.5) * 1e9));
    const expected = runPython<{ str: string; dec: string | null }[]>(
      `import sys, json
from decimal import Decimal
out = []
for v in json.loads(sys.stdin.read()):
    try:
        x = Decimal(v)
        d = None if x.is_nan() else str(x)
    except Exception:
        d = None
    out.append({"str": str(v), "dec": d})
print(json.dumps(out))`,
      values,
    );
    values.forEach((v, i) => {
      const want = expected[i]!;
      expect(pyStr(v), JSON.stringify(v)).toBe(want.str);
      if (want.dec === null) expect(() => pyDecimalOf(v, "f")).toThrow(/server: 500/);
      else {
        const got = pyDecimalOf(v, "f");
        const text = "infinite" in got ? (got.infinite > 0 ? "Infinity" : "-Infinity") : decToString(got);
        expect(text, JSON.stringify(v)).toBe(want.dec);
      }
    });
  });
});
