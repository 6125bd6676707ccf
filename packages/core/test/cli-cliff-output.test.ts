/**
 * The CLI kit's cliff formatter options (`withCliffOutput`), against fixed texts: each expected output below is
 * what cliff 4.0's own formatters print for the same columns and rows (`Lister.produce_output` /
 * `ShowOne.produce_output` with `cliff.formatters.*`, python3-cliff on Debian), PyYAML 6.0's `safe_dump`
 * and Python 3.11's `textwrap.fill`, captured once from them.
 */
import { describe, expect, it } from "vitest";
import { type CliProgram, type CommandResult, EXIT, runCli, withCliffOutput } from "../src/cli/index.js";
import { pythonFill } from "../src/cli/textwrap.js";
import { safeDump } from "../src/cli/yaml.js";

const COLUMNS = ["Name", "ID", "Group", "Note"];
const ROWS = [
  ["b", "2", null, 'say "hi", ok'],
  ["a", "10", "g1", "back\\slash é"],
  ["c", "true", null, "line\nbreak"],
  ["a", "0.5", "g0", ""],
];
const list = (rows: unknown[][]): CommandResult => ({
  json: rows.map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]]))),
  table: { columns: COLUMNS, rows },
  nullText: "None",
});
/** Commands run so far: a usage error must stop the line before its command runs. */
let ran = 0;
const counted = (result: CommandResult) => {
  ran++;
  return result;
};
const base: CliProgram = {
  name: "demo",
  version: "1.0.0",
  summary: "cliff's options on fixed data.",
  formatShort: "f",
  commands: [
    { name: "rows list", summary: "Four rows", shows: "list", run: async () => counted(list(ROWS)) },
    { name: "rows none", summary: "No rows", shows: "list", run: async () => counted(list([])) },
    {
      name: "row delete",
      summary: "Prints nothing",
      shows: "none",
      run: async () => counted({ json: null, text: "" }),
    },
    {
      name: "row get",
      summary: "One row",
      shows: "one",
      run: async () => {
        ran++;
        const fields = COLUMNS.map((c, i) => [c, ROWS[0]?.[i]] as const);
        return { json: Object.fromEntries(fields), fields, nullText: "None" };
      },
    },
  ],
};
const program = withCliffOutput(base);

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(program, argv, {
    env,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

/** [command, options, what cliff prints]. */
const CLIFF: [string, string[], string][] = [
  [
    "rows list",
    ["-f", "csv"],
    '"Name","ID","Group","Note"\n"b","2","","say ""hi"", ok"\n"a","10","g1","back\\\\slash é"\n"c","true","","line\nbreak"\n"a","0.5","g0",""\n',
  ],
  [
    "rows list",
    ["-f", "csv", "--quote", "all"],
    '"Name","ID","Group","Note"\n"b","2","","say ""hi"", ok"\n"a","10","g1","back\\\\slash é"\n"c","true","","line\nbreak"\n"a","0.5","g0",""\n',
  ],
  [
    "rows list",
    ["-f", "csv", "--quote", "minimal"],
    'Name,ID,Group,Note\nb,2,,"say ""hi"", ok"\na,10,g1,back\\\\slash é\nc,true,,"line\nbreak"\na,0.5,g0,\n',
  ],
  [
    "rows list",
    ["-f", "csv", "--quote", "none", "-c", "Name", "-c", "Group"],
    "Name,Group\nb,\na,g1\nc,\na,g0\n",
  ],
  [
    "rows list",
    ["-f", "json"],
    '[\n  {\n    "Name": "b",\n    "ID": "2",\n    "Group": null,\n    "Note": "say \\"hi\\", ok"\n  },\n  {\n    "Name": "a",\n    "ID": "10",\n    "Group": "g1",\n    "Note": "back\\\\slash \\u00e9"\n  },\n  {\n    "Name": "c",\n    "ID": "true",\n    "Group": null,\n    "Note": "line\\nbreak"\n  },\n  {\n    "Name": "a",\n    "ID": "0.5",\n    "Group": "g0",\n    "Note": ""\n  }\n]\n',
  ],
  [
    "rows list",
    ["-f", "json", "--noindent"],
    '[{"Name": "b", "ID": "2", "Group": null, "Note": "say \\"hi\\", ok"}, {"Name": "a", "ID": "10", "Group": "g1", "Note": "back\\\\slash \\u00e9"}, {"Name": "c", "ID": "true", "Group": null, "Note": "line\\nbreak"}, {"Name": "a", "ID": "0.5", "Group": "g0", "Note": ""}]\n',
  ],
  [
    "rows list",
    ["-f", "yaml"],
    "- Group: null\n  ID: '2'\n  Name: b\n  Note: say \"hi\", ok\n- Group: g1\n  ID: '10'\n  Name: a\n  Note: \"back\\\\slash \\xE9\"\n- Group: null\n  ID: 'true'\n  Name: c\n  Note: 'line\n\n    break'\n- Group: g0\n  ID: '0.5'\n  Name: a\n  Note: ''\n",
  ],
  [
    "rows list",
    ["-f", "value"],
    'b 2 None say "hi", ok\na 10 g1 back\\slash é\nc true None line\nbreak\na 0.5 g0 \n',
  ],
  [
    "rows list",
    ["-f", "value", "-c", "Note", "-c", "Name", "-c", "Nope"],
    'b say "hi", ok\na back\\slash é\nc line\nbreak\na \n',
  ],
  [
    "rows list",
    [],
    '+------+------+-------+--------------+\n| Name | ID   | Group | Note         |\n+------+------+-------+--------------+\n| b    | 2    | None  | say "hi", ok |\n| a    | 10   | g1    | back\\slash é |\n| c    | true | None  | line         |\n|      |      |       | break        |\n| a    | 0.5  | g0    |              |\n+------+------+-------+--------------+\n',
  ],
  [
    "rows list",
    ["--max-width", "30"],
    '+------+------+-------+----------+\n| Name | ID   | Group | Note     |\n+------+------+-------+----------+\n| b    | 2    | None  | say      |\n|      |      |       | "hi", ok |\n| a    | 10   | g1    | back\\sla |\n|      |      |       | sh é     |\n| c    | true | None  | line     |\n|      |      |       | break    |\n| a    | 0.5  | g0    |          |\n+------+------+-------+----------+\n',
  ],
  [
    "rows list",
    ["--max-width", "1"],
    '+------+------+-------+----------+\n| Name | ID   | Group | Note     |\n+------+------+-------+----------+\n| b    | 2    | None  | say      |\n|      |      |       | "hi", ok |\n| a    | 10   | g1    | back\\sla |\n|      |      |       | sh é     |\n| c    | true | None  | line     |\n|      |      |       | break    |\n| a    | 0.5  | g0    |          |\n+------+------+-------+----------+\n',
  ],
  [
    "rows none",
    ["--print-empty"],
    "+------+----+-------+------+\n| Name | ID | Group | Note |\n+------+----+-------+------+\n+------+----+-------+------+\n",
  ],
  ["rows none", [], "\n"],
  ["rows none", ["-f", "yaml"], "[]\n"],
  [
    "rows list",
    ["-f", "value", "--sort-column", "Group", "--sort-column", "Name"],
    'a 0.5 g0 \na 10 g1 back\\slash é\nb 2 None say "hi", ok\nc true None line\nbreak\n',
  ],
  [
    "rows list",
    ["-f", "value", "--sort-column", "Group", "--sort-column", "Name", "--sort-descending"],
    'c true None line\nbreak\nb 2 None say "hi", ok\na 10 g1 back\\slash é\na 0.5 g0 \n',
  ],
  [
    "rows list",
    ["-f", "json", "--noindent", "--sort-column", "Nope", "--sort-column", "ID", "-c", "ID"],
    '[{"ID": "0.5"}, {"ID": "10"}, {"ID": "2"}, {"ID": "true"}]\n',
  ],
  ["row get", ["-f", "yaml"], "Name: b\nID: '2'\nGroup: null\nNote: say \"hi\", ok\n"],
  [
    "row get",
    ["-f", "shell", "--prefix", "ck_"],
    'ck_name="b"\nck_id="2"\nck_group="None"\nck_note="say \\"hi\\", ok"\n',
  ],
  ["row get", ["-f", "shell", "-c", "Group"], 'group="None"\n'],
  [
    "row get",
    ["--max-width", "20"],
    '+-------+--------------+\n| Field | Value        |\n+-------+--------------+\n| Name  | b            |\n| ID    | 2            |\n| Group | None         |\n| Note  | say "hi", ok |\n+-------+--------------+\n',
  ],
  ["row get", ["-f", "value"], 'b\n2\nNone\nsay "hi", ok\n'],
  [
    "row get",
    ["-f", "json", "--noindent"],
    '{"Name": "b", "ID": "2", "Group": null, "Note": "say \\"hi\\", ok"}\n',
  ],
];

describe("cliff's formatter options print what cliff prints", () => {
  it.each(CLIFF)("%s %j", async (command, argv, expected) => {
    const out = await run([...command.split(" "), ...argv]);
    expect(out).toEqual({ code: EXIT.ok, stdout: expected, stderr: "" });
  });

  it("CLIFF_MAX_TERM_WIDTH is --max-width's default, and the flag wins", async () => {
    const narrow = CLIFF.find(([, argv]) => argv.join(" ") === "--max-width 30")?.[2];
    expect((await run(["rows", "list"], { CLIFF_MAX_TERM_WIDTH: "30" })).stdout).toBe(narrow);
    expect((await run(["rows", "list", "--max-width", "0"], { CLIFF_MAX_TERM_WIDTH: "30" })).stdout).toBe(
      CLIFF.find(([c, argv]) => c === "rows list" && argv.length === 0)?.[2],
    );
  });

  it("an unsortable column is skipped with cliff's warning on stderr", async () => {
    const mixed = withCliffOutput({
      ...base,
      commands: [
        {
          name: "mixed",
          summary: "numbers and text in one column",
          run: async () => ({
            json: null,
            table: {
              columns: ["A", "B"],
              rows: [
                [2, "x"],
                ["1", "y"],
                [1, "a"],
              ],
            },
          }),
        },
      ],
    });
    let stdout = "";
    let stderr = "";
    const io = { env: {}, stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s) };
    const argv = ["mixed", "-f", "value", "--sort-column", "A", "--sort-column", "B"];
    expect(await runCli(mixed, argv, io)).toBe(EXIT.ok);
    expect(stdout).toBe("1 a\n2 x\n1 y\n");
    expect(stderr).toBe("Could not sort on field 'A'; unsortable types\n");
  });
});

describe("what cliff's parser refuses is a usage error, before the command runs", () => {
  it.each([
    [["rows", "list", "-f", "shell"], /-f shell prints one object/],
    [["rows", "list", "--prefix", "x"], /--prefix is for -f shell/],
    [["row", "get", "--sort-column", "ID"], /the sort options are for lists/],
    [["rows", "list", "--sort-ascending", "--sort-descending"], /not allowed with argument --sort-ascending/],
    [["rows", "list", "--max-width", "wide"], /argument --max-width: invalid int value: 'wide'/],
    [
      ["rows", "list", "-f", "csv", "--quote", "some"],
      /--quote must be all, minimal, none, nonnumeric, got 'some'/,
    ],
    [["rows", "list", "-f", "xml"], /-f must be table, json, csv, value, yaml, shell, got 'xml'/],
    [["row", "delete", "-f", "json"], /--format: this command prints nothing/],
    [["row", "delete", "--noindent"], /--noindent: this command prints nothing/],
  ])("%j", async (argv, message) => {
    const before = ran;
    const out = await run(argv);
    expect(out.code).toBe(EXIT.usage);
    expect(out.stderr).toMatch(message);
    expect(ran).toBe(before);
  });

  it("-c naming no column of the result is cliff's error (after the command ran, as in cliff)", async () => {
    const out = await run(["rows", "list", "-c", "Nope"]);
    expect(out.code).toBe(EXIT.usage);
    expect(out.stderr).toContain(
      "No recognized column names in ['Nope']. Recognized columns are ['Name', 'ID', 'Group', 'Note'].",
    );
  });

  it("--quote none refuses a row of one empty field, as Python's csv does", async () => {
    const out = await run(["rows", "list", "-f", "csv", "--quote", "none", "-c", "Group"]);
    expect(out.code).toBe(EXIT.usage);
    expect(out.stderr).toMatch(/a row of one empty field must be quoted/);
  });

  it("a program without cliff's options keeps the kit's four formats", async () => {
    const plain: CliProgram = {
      ...base,
      commands: [{ name: "x", summary: "x", run: async () => list(ROWS) }],
    };
    const io = { env: {}, stdout: () => {}, stderr: () => {} };
    expect(await runCli(plain, ["x", "--format", "yaml"], io)).toBe(EXIT.usage);
    expect(await runCli(plain, ["x", "--noindent"], io)).toBe(EXIT.usage);
  });
});

/** [data, what PyYAML's `safe_dump(data, default_flow_style=False)` prints]. */
const YAML: [unknown, string][] = [
  [
    [
      {
        b: "0.69",
        a: null,
        c: "4f06bb16-d019-4eca-88bb-cadc3852b979",
        d: "512",
        e: "true",
        f: "null",
        g: "tenant x",
        h: "",
        i: "yes",
        j: "2024-01-02",
        k: "2024-01-02 10:11:12",
        l: "0x1f",
        m: "1_000",
        n: "1e5",
        o: "1.0e+5",
        p: "~",
        q: "=",
        r: "<<",
        s: "- x",
        t: "-x",
        u: "a: b",
        v: "a:b",
        w: "#x",
        x: "a #b",
        y: " lead",
        z: "trail ",
        A: "l\nm",
        B: "it's",
        C: "é",
        D: "tab\there",
        E: "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
        F: "'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word'",
        G: "é word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
        H: "a\n\nb",
        I: "---",
        J: "?x",
        K: "? x",
        L: "@x",
        M: "%x",
        N: ",x",
        O: "x,y",
        P: "[x]",
        Q: "x]",
        R: "No",
        S: "off",
        T: ".inf",
        U: ".5",
        V: "+1",
        W: "012",
        X: "1:20",
        Y: "12:30:45.5",
      },
    ],
    "- A: 'l\n\n    m'\n  B: it's\n  C: \"\\xE9\"\n  D: \"tab\\there\"\n  E: word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n  F: '''word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word'''\n  G: \"\\xE9 word word word word word word word word word word word word word word word\\\n    \\ word word word word word word word word word word word word word word word\"\n  H: 'a\n\n\n    b'\n  I: '---'\n  J: ?x\n  K: '? x'\n  L: '@x'\n  M: '%x'\n  N: ',x'\n  O: x,y\n  P: '[x]'\n  Q: x]\n  R: 'No'\n  S: 'off'\n  T: '.inf'\n  U: '.5'\n  V: '+1'\n  W: '012'\n  X: '1:20'\n  Y: '12:30:45.5'\n  a: null\n  b: '0.69'\n  c: 4f06bb16-d019-4eca-88bb-cadc3852b979\n  d: '512'\n  e: 'true'\n  f: 'null'\n  g: tenant x\n  h: ''\n  i: 'yes'\n  j: '2024-01-02'\n  k: '2024-01-02 10:11:12'\n  l: '0x1f'\n  m: '1_000'\n  n: 1e5\n  o: '1.0e+5'\n  p: '~'\n  q: '='\n  r: '<<'\n  s: '- x'\n  t: -x\n  u: 'a: b'\n  v: a:b\n  w: '#x'\n  x: 'a #b'\n  y: ' lead'\n  z: 'trail '\n",
  ],
  [{ "Mapping ID": "x" }, "Mapping ID: x\n"],
  [[], "[]\n"],
  [{}, "{}\n"],
  [
    [{ a: 1, b: 2.5, c: true, d: 1e-7, e: 0.000025 }],
    "- a: 1\n  b: 2.5\n  c: true\n  d: 1.0e-07\n  e: 2.5e-05\n",
  ],
  [
    { a: { b: [1, { c: "d" }], e: [] }, f: [[1, 2], []] },
    "a:\n  b:\n  - 1\n  - c: d\n  e: []\nf:\n- - 1\n  - 2\n- []\n",
  ],
  [[[1, [2, 3]], { x: [{ y: 1 }] }], "- - 1\n  - - 2\n    - 3\n- x:\n  - y: 1\n"],
  ["plain", "plain\n...\n"],
  ["512", "'512'\n"],
  [null, "null\n...\n"],
  [
    {
      true: 1,
      "": 2,
      "a\nb": 3,
      kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk:
        { x: 1 },
    },
    "? ''\n: 2\n? 'a\n\n  b'\n: 3\n? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: x: 1\n'true': 1\n",
  ],
];

it.each(YAML)("safe_dump %j", (data, expected) => {
  expect(safeDump(data)).toBe(expected);
});

/** [text, width, what Python's `textwrap.fill(text, width)` gives]. */
const WRAP: [string, number, string][] = [
  ["4f06bb16-d019-4eca-88bb-cadc3852b979", 10, "4f06bb16-\nd019-4eca-\n88bb-cadc3\n852b979"],
  ["4f06bb16-d019-4eca-88bb-cadc3852b979", 8, "4f06bb16\n-d019-\n4eca-\n88bb-cad\nc3852b97\n9"],
  [
    "hello there -- you goof-ball, use the -b option!",
    9,
    "hello\nthere --\nyou goof-\nball, use\nthe -b\noption!",
  ],
  ["a\tb  c\nd", 4, "a\nb  c\nd"],
  ["0.6999999999999999555910790150", 8, "0.699999\n99999999\n99555910\n790150"],
  ["tenant x y z", 3, "ten\nant\nx y\nz"],
  ["---abc-def", 4, "---a\nbc-\ndef"],
  ["well-known e-mail--x", 5, "well-\nknown\ne-\nmail\n--x"],
];

it.each(WRAP)("textwrap.fill(%j, %d)", (text, width, expected) => {
  expect(pythonFill(text, width)).toBe(expected);
});
