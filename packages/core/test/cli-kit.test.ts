/** The CLI kit: the behaviour every meterkit CLI shares, on a small program whose commands call a real server. */
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliIo, type CliProgram, EXIT, runCli } from "../src/cli/index.js";
import { createHttpClient, type HttpClient, InvalidInputError } from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();
beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const status = Number(/^\/status\/(\d+)$/.exec(path)?.[1] ?? 200);
    json(
      res,
      status,
      status === 200
        ? [
            { id: 1, name: "a" },
            { id: 22, name: "bb" },
          ]
        : { error: "no" },
    );
  });
});
afterAll(async () => {
  await server.close();
  await dispatcher.close();
});

const program: CliProgram<HttpClient> = {
  name: "demo",
  version: "1.2.3",
  summary: "A program to test the kit.",
  globals: [{ name: "url", env: "DEMO_URL", valueName: "URL", help: "Server URL" }],
  setup: (globals, io) =>
    createHttpClient({ baseUrl: String(globals.url), dispatcher: io.dispatcher, retry: false }),
  commands: [
    {
      name: "items list",
      aliases: ["item list"],
      summary: "List items",
      options: [{ name: "status", short: "s", help: "Answer with this status" }],
      async run({ setup, options }) {
        const path = options.status ? `/status/${options.status}` : "/items";
        const { data } = await setup().request<{ id: number; name: string }[]>({ method: "GET", path });
        return { json: data, table: { columns: ["ID", "Name"], rows: data.map((i) => [i.id, i.name]) } };
      },
    },
    {
      name: "add",
      summary: "Add a thing",
      positionals: [{ name: "NAME", help: "Its name" }],
      options: [
        { name: "tag", short: "t", multiple: true, help: "A tag (repeatable)" },
        { name: "cost", help: "Cost" },
        { name: "force", type: "boolean", help: "Force" },
      ],
      async run({ positionals, options }) {
        if (options.cost === "bad")
          throw new InvalidInputError([{ path: ["cost"], message: "must be a number" }]);
        if (options.cost === "boom") throw new TypeError("x is undefined");
        return { json: { name: positionals.NAME, tags: options.tag ?? [], force: options.force === true } };
      },
    },
  ],
};

async function run(argv: string[], env: Record<string, string> = { DEMO_URL: server.url }) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { env, dispatcher, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(program, argv, io);
  return { code, stdout, stderr };
}

describe("help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s shows the program's help and exits 0", async (flag) => {
    const { code, stdout, stderr } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: demo <command>/);
    expect(stdout).toMatch(/items list +List items/);
    expect(stdout).toMatch(/--url URL +Server URL \(env DEMO_URL\)/);
    expect(stdout).toMatch(/Exit codes: 0 ok/);
    // every option line of the block is aligned on one column
    const block =
      stdout.slice(stdout.indexOf("Global options:")).split("\n\n")[0]?.split("\n").slice(1) ?? [];
    expect(new Set(block.map((l) => l.search(/\S/g) && /^ {2}\S.*?\S {2,}/.exec(l)?.[0].length)).size).toBe(
      1,
    );
    expect(stderr).toBe("");
  });
  it.each([
    [["items", "list", "--help"]],
    [["help", "items", "list"]],
    [["add", "-h"]],
    [["add", "--cost", "--help"]],
  ])("%j shows the command's help and exits 0", async (argv) => {
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: demo (items list|add NAME)/);
  });
  it("--version prints the version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: "demo 1.2.3\n", stderr: "" });
  });
  it("no command: help on stderr, exit 2", async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^usage:/);
  });
});

describe("usage errors: one line on stderr, exit 2, nothing sent", () => {
  it.each([
    [["nope"], /unknown command 'nope'/],
    [["add"], /add needs NAME/],
    [["add", "a", "b"], /unexpected argument 'b'/],
    [["add", "a", "--zap"], /unknown option '--zap'/],
    [["add", "a", "--cost"], /--cost needs a value/],
    [["add", "a", "--cost", "--force"], /--cost needs a value/],
    [["add", "a", "--cost", "1", "--cost", "2"], /--cost given twice/],
    [["add", "a", "--force=yes"], /--force takes no value/],
    [["items", "list", "--format", "xml"], /--format must be table, json, csv, value/],
  ])("%j", async (argv, message) => {
    const before = server.received.length;
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(server.received.length).toBe(before);
  });
});

describe("output", () => {
  it("a table in the one style, and json printing exactly the data", async () => {
    const table = await run(["items", "list"]);
    expect(table.stdout).toBe(
      [
        "+----+------+",
        "| ID | Name |",
        "+----+------+",
        "|  1 | a    |",
        "| 22 | bb   |",
        "+----+------+",
        "",
      ].join("\n"),
    );
    const asJson = await run(["item", "list", "--format", "json"]);
    expect(JSON.parse(asJson.stdout)).toEqual([
      { id: 1, name: "a" },
      { id: 22, name: "bb" },
    ]);
  });
  it("options may come before the command, repeatable options collect, flags before positionals", async () => {
    const { code, stdout } = await run(["--format=json", "add", "-t", "x", "--force", "-t", "y", "thing"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ name: "thing", tags: ["x", "y"], force: true });
  });
  it("csv as cliff writes it (text quoted, numbers bare, quotes doubled) and value without titles", async () => {
    expect((await run(["items", "list", "--format", "csv"])).stdout).toBe('"ID","Name"\n1,"a"\n22,"bb"\n');
    expect((await run(["items", "list", "--format", "value"])).stdout).toBe("1 a\n22 bb\n");
    const one = await run(["add", 'say "hi"', "--format", "csv"]);
    expect(one.stdout).toBe('"name","tags","force"\n"say ""hi""","[]","false"\n');
    expect((await run(["add", "thing", "--format", "value"])).stdout).toBe("thing\n[]\nfalse\n");
  });
  it("--column keeps the columns asked, in that order, and names the ones there are otherwise", async () => {
    const picked = await run(["items", "list", "--format", "value", "--column", "Name", "--column", "ID"]);
    expect(picked.stdout).toBe("a 1\nbb 22\n");
    expect((await run(["items", "list", "--column", "Name"])).stdout).toBe(
      ["+------+", "| Name |", "+------+", "| a    |", "| bb   |", "+------+", ""].join("\n"),
    );
    const unknown = await run(["items", "list", "--column", "Nope"]);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/no column 'Nope' \(columns: 'ID', 'Name'\)/);
  });
  it("a generic rendering of data without a table", async () => {
    const { stdout } = await run(["add", "thing"]);
    expect(stdout).toContain("| name  | thing ");
  });
  it("global options may come before the command, with their values", async () => {
    const { code, stdout } = await run(["--url", server.url, "--format", "json", "items", "list"], {});
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });
  it("a global option falls back on its environment variable, and the flag wins", async () => {
    expect((await run(["items", "list"], {})).code).not.toBe(0);
    expect((await run(["items", "list", "--url", server.url], {})).code).toBe(0);
  });
});

describe("errors: exit code by kind, one line, no stack trace", () => {
  it.each([
    ["404", EXIT.notFound],
    ["409", EXIT.conflict],
    ["400", EXIT.invalid],
    ["422", EXIT.invalid],
    ["401", EXIT.auth],
    ["403", EXIT.auth],
    ["503", EXIT.unavailable],
  ])("status %s → %i", async (status, expected) => {
    const { code, stderr, stdout } = await run(["items", "list", "-s", status]);
    expect(code).toBe(expected);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^demo items list: .*${status}`));
    expect(stderr).not.toMatch(/\n\s+at /);
  });
  it("a connection failure is 'unavailable'", async () => {
    const { code } = await run(["items", "list", "--url", "http://127.0.0.1:1"]);
    expect(code).toBe(EXIT.unavailable);
  });
  it("invalid input is 3, an unexpected error 1, neither with a stack", async () => {
    const invalid = await run(["add", "a", "--cost", "bad"]);
    expect(invalid.code).toBe(EXIT.invalid);
    expect(invalid.stderr).toMatch(/cost: must be a number/);
    const bug = await run(["add", "a", "--cost", "boom"]);
    expect(bug.code).toBe(EXIT.unexpected);
    expect(bug.stderr).toBe("demo add: unexpected error: x is undefined\n");
  });
});

describe("single-dash programs (the SLA@SOI tools)", () => {
  const single: CliProgram = {
    name: "tools",
    version: "0",
    summary: "x",
    dashes: "single",
    commands: [
      {
        name: "AddProduct",
        summary: "x",
        options: [
          { name: "p", help: "party" },
          { name: "n", help: "name" },
          { name: "mp", help: "max price" },
        ],
        run: async ({ options }) => ({ json: options }),
      },
    ],
  };
  const go = async (argv: string[]) => {
    let out = "";
    let err = "";
    const code = await runCli(single, argv, {
      env: {},
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
    });
    return { code, out, err };
  };
  it("reads -mp as one flag, and a negative number as a value", async () => {
    const { code, out } = await go(["addproduct", "-mp", "-1", "-n", "X", "-format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ mp: "-1", n: "X" });
  });
  it("names a flag missing its value, also when the next word is a flag", async () => {
    const { code, err } = await go(["AddProduct", "-p", "-n", "ProductName"]);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/-p needs a value/);
  });
  it("refuses a repeated flag", async () => {
    const { code, err } = await go(["AddProduct", "-n", "A", "-n", "B"]);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/-n given twice/);
  });
});

describe("a default command", () => {
  const server: CliProgram = {
    name: "srv",
    version: "0",
    summary: "x",
    defaultCommand: "serve",
    commands: [
      {
        name: "serve",
        summary: "serve",
        options: [{ name: "port", help: "port" }],
        run: async ({ options }) => ({ json: { serving: options.port ?? "default" } }),
      },
      { name: "migrate", summary: "migrate", run: async () => ({ json: "migrated" }) },
    ],
  };
  const go = async (argv: string[]) => {
    let out = "";
    const code = await runCli(server, argv, { env: {}, stdout: (t) => (out += t), stderr: () => {} });
    return { code, out };
  };
  it("runs when the line names no command", async () => {
    expect(await go([])).toEqual({
      code: 0,
      out: "+---------+---------+\n| Field   | Value   |\n+---------+---------+\n| serving | default |\n+---------+---------+\n",
    });
    expect(JSON.parse((await go(["--port", "99", "--format", "json"])).out)).toEqual({ serving: "99" });
    expect((await go(["migrate"])).out).toBe("migrated\n");
  });
  it("leaves --help and --version to the program", async () => {
    expect((await go(["--help"])).out).toMatch(/^usage: srv/);
    expect((await go(["--version"])).out).toBe("srv 0\n");
  });
});
