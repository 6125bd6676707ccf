/**
 * `@meterkit/core/python` against Python itself: one table of inputs, every helper's output compared with
 * what `python3` prints for the same input (floats go through JSON, as they do between our clients and the
 * Python servers and tools we mirror).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  asciiDigits,
  pyFloatRepr,
  pyIntText,
  pyNumberStrip,
  pyRepr,
  pyStr,
  pyStrCompare,
  pyStringRepr,
  pyStrip,
  pyTruthy,
  pyTypeName,
  withoutDigitUnderscores,
} from "../src/python/index.js";

const FLOATS = [
  0.1,
  0.5,
  1.5,
  -2.25,
  1e-4,
  1e-5,
  1.5e-7,
  123456789.125,
  1e15,
  1e16,
  1.2345e16,
  1e21,
  1e22,
  2 ** 53 + 2,
  5e-324,
  1.7976931348623157e308,
  -0.0001,
  Math.PI,
  100.0,
  0,
];
// A zero real part prints as `1j` alone: that is complex's rule, not the parts'.
const PARTS = FLOATS.filter((x) => x !== 0);
const JSON_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  7,
  -12,
  4096,
  1e17,
  0.5,
  1e-5,
  1e21,
  "",
  "plain",
  "it's",
  'say "hi"',
  `both ' and "`,
  "tab\tnew\nline",
  "back\\slash",
  "\u0000\u001f\u007f",
  "\u0085\u00a0é",
  "\u200b\u2028",
  "emoji 😀",
  "\ud800",
  [],
  [1, "a", null, 2.5],
  {},
  { k: null, n: [true, { x: 1e-7 }] },
];
const TEXTS = [
  "42",
  " -7 ",
  "+0",
  "1_000",
  "1__0",
  "_1",
  "1_",
  "４０９６",
  "٣",
  "\u3000 12\u2003",
  "0x10",
  "1.5",
  "",
  "-0",
  "007",
  "\ufeff1",
  "1\u001c",
];

const WHITESPACE = [
  " ",
  "\t",
  "\n",
  "\v",
  "\f",
  "\r",
  "\u001c",
  "\u001f",
  "\u0085",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "\u200b",
];

function python<T>(script: string, input: unknown): T {
  const out = execFileSync("python3", ["-c", `import json,sys\n${script}`], {
    input: JSON.stringify(input),
    encoding: "utf8",
  });
  return JSON.parse(out) as T;
}

describe("reprs and strs", () => {
  it("pyFloatRepr equals repr(float)", () => {
    const expected = python<string[]>(
      "print(json.dumps([repr(float(x)) for x in json.load(sys.stdin)]))",
      FLOATS,
    );
    expect(FLOATS.map((x) => pyFloatRepr(x))).toEqual(expected);
    expect(
      [Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, -0].map((x) => pyFloatRepr(x)),
    ).toEqual(["nan", "inf", "-inf", "-0.0"]);
  });

  it("pyFloatRepr without dotZero equals the parts of repr(complex)", () => {
    const expected = python<string[]>(
      "print(json.dumps([repr(complex(x, 1.0)) for x in json.load(sys.stdin)]))",
      PARTS,
    );
    expect(PARTS.map((x) => `(${pyFloatRepr(x, { dotZero: false })}+1j)`)).toEqual(expected);
  });

  it("pyRepr, pyStr, pyTypeName and pyTruthy equal Python's view of the same JSON", () => {
    const texts = JSON_VALUES.map((v) => JSON.stringify(v));
    const expected = python<[string, string, string, boolean][]>(
      "print(json.dumps([[repr(v), str(v), type(v).__name__, bool(v)] for v in (json.loads(t) for t in json.load(sys.stdin))]))",
      texts,
    );
    const ours = JSON_VALUES.map((v) => [pyRepr(v), pyStr(v), pyTypeName(v), pyTruthy(v)]);
    expect(ours).toEqual(expected);
  });

  it("pyStringRepr equals repr(str)", () => {
    const strings = JSON_VALUES.filter((v): v is string => typeof v === "string" && v !== "\ud800");
    const expected = python<string[]>("print(json.dumps([repr(s) for s in json.load(sys.stdin)]))", strings);
    expect(strings.map(pyStringRepr)).toEqual(expected);
  });
});

describe("str ordering", () => {
  it("pyStrCompare sorts as sorted() does, astral characters and lone surrogates included", () => {
    const strings = [
      ...JSON_VALUES.filter((v): v is string => typeof v === "string"),
      "a",
      "b",
      "ab",
      "",
      "c\u{1d518}",
      "c",
      "c\uffff",
      "c\ue000",
      "\u{10000}",
      "\ud800",
      "\ud800\ue000",
      "\ud800\udc00",
      "\ud800\udc01",
      "\ud800x",
      "\udc00",
      "\ud800\ud800\udc00",
      "\u{1f600}a",
      "\u{1f600}",
    ];
    const expected = python<number[]>(
      "xs = json.load(sys.stdin)\nprint(json.dumps(sorted(range(len(xs)), key=lambda i: (xs[i], i))))",
      strings,
    );
    const ours = strings
      .map((_, i) => i)
      .sort((i, j) => pyStrCompare(strings[i] as string, strings[j] as string) || i - j);
    expect(ours).toEqual(expected);
  });
});

describe("number text rules", () => {
  it("pyIntText equals int(text), None where Python raises", () => {
    const expected = python<(string | null)[]>(
      [
        "def f(s):",
        "    try: return str(int(s))",
        "    except ValueError: return None",
        "print(json.dumps([f(s) for s in json.load(sys.stdin)]))",
      ].join("\n"),
      TEXTS,
    );
    expect(TEXTS.map((t) => pyIntText(t) ?? null)).toEqual(expected);
  });

  it("pyNumberStrip keeps what int() accepts around a number", () => {
    const expected = python<boolean[]>(
      [
        "def f(s):",
        "    try: int(s); return True",
        "    except ValueError: return False",
        'print(json.dumps([f("1" + s) and f(s + "1") for s in json.load(sys.stdin)]))',
      ].join("\n"),
      WHITESPACE,
    );
    expect(WHITESPACE.map((w) => pyNumberStrip(`1${w}`) === "1" && pyNumberStrip(`${w}1`) === "1")).toEqual(
      expected,
    );
  });

  it("pyStrip equals str.strip()", () => {
    const expected = python<string[]>("print(json.dumps([s.strip() for s in json.load(sys.stdin)]))", TEXTS);
    expect([...TEXTS, ...WHITESPACE.map((w) => `${w}x${w}`)].map(pyStrip)).toEqual(
      python<string[]>("print(json.dumps([s.strip() for s in json.load(sys.stdin)]))", [
        ...TEXTS,
        ...WHITESPACE.map((w) => `${w}x${w}`),
      ]),
    );
    expect(expected).toHaveLength(TEXTS.length);
  });

  it("asciiDigits maps every Unicode decimal digit as Python's int() reads it", () => {
    const digits = ["٠١٢٣٤٥٦٧٨٩", "０９", "𝟎𝟗𝟘𝟡𝟢𝟫", "߀߉", "᠐᠙"];
    const expected = python<string[]>(
      "print(json.dumps([str(int(s)) for s in json.load(sys.stdin)]))",
      digits,
    );
    expect(digits.map((d) => String(BigInt(asciiDigits(d) ?? "x")))).toEqual(expected);
    expect(asciiDigits("12é")).toBeUndefined();
  });

  it("withoutDigitUnderscores keeps Python's rule: one underscore between two digits", () => {
    expect(["1_000", "1_0_0", "1__0", "_1", "1_", "1_.5", "1.5_0"].map(withoutDigitUnderscores)).toEqual([
      "1000",
      "100",
      undefined,
      undefined,
      undefined,
      undefined,
      "1.50",
    ]);
  });
});

describe("objects that are not JSON", () => {
  it("a class instance prints as its own toString(), a Map as a dict", () => {
    class Stamp {
      toString() {
        return "2017-02-07T10:00:00Z";
      }
    }
    expect(pyRepr({ at: new Stamp() })).toBe("{'at': 2017-02-07T10:00:00Z}");
    expect(pyStr(new Stamp())).toBe("2017-02-07T10:00:00Z");
    expect(pyRepr(new Map([["k", 1]]))).toBe("{'k': 1}");
  });
});
