/** Running a program: find the command, parse, run, print, and turn every failure into one line and a code. */
import { setFlagsFromString } from "node:v8";
import { isSdkError } from "../errors.js";
import { EXIT, exitCodeOf, UsageError } from "./exit-codes.js";
import { columnOption, formatOption, parseFormat, renderResult } from "./formats.js";
import { commandHelp, programHelp } from "./help.js";
import { bindPositionals, parseArgv } from "./parse.js";
import type { CliIo, CliProgram, CommandContext, CommandSpec } from "./program.js";

/**
 * Run `program` with `argv` (without the executable's name); resolves to the exit code (see `EXIT`).
 * `--help`/`-h` anywhere shows the command's help (or the program's), `--version` the version; results go to
 * stdout, errors to stderr as one line (plus program-specific detail lines), never a stack trace.
 * @public
 */
export async function runCli<S>(program: CliProgram<S>, argv: readonly string[], io: CliIo): Promise<number> {
  let command: CommandSpec<S> | undefined;
  try {
    const found = findCommand(program, argv) ?? defaultCommand(program, argv);
    command = found?.command;
    const rest = found ? [...argv.slice(0, found.at), ...argv.slice(found.at + found.words)] : [...argv];
    const options = [
      ...(program.globals ?? []),
      formatOption(program.formatShort),
      columnOption(program.formatShort),
      ...(command?.options ?? []),
    ];
    const dashes = program.dashes ?? "double";
    let parsed: ReturnType<typeof parseArgv>;
    try {
      parsed = parseArgv(rest, { options, dashes });
    } catch (error) {
      // `--help` still wins over a mistake elsewhere on the line.
      if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout(command ? commandHelp(program, command) : programHelp(program));
        return EXIT.ok;
      }
      throw error;
    }
    if (parsed.version) {
      io.stdout(`${program.name} ${program.version}\n`);
      return EXIT.ok;
    }
    if (!command) {
      const [first, second] = parsed.positionals;
      if (first === "help") {
        const target = second === undefined ? undefined : findCommand(program, parsed.positionals.slice(1));
        if (second !== undefined && !target) throw new UsageError(`unknown command '${second}'`);
        io.stdout(target ? commandHelp(program, target.command) : programHelp(program));
        return EXIT.ok;
      }
      if (parsed.help) {
        io.stdout(programHelp(program));
        return EXIT.ok;
      }
      if (first === undefined) {
        io.stderr(programHelp(program));
        return EXIT.usage;
      }
      throw new UsageError(`unknown command '${parsed.positionals.join(" ")}'`);
    }
    if (parsed.help) {
      io.stdout(commandHelp(program, command));
      return EXIT.ok;
    }
    const format = parseFormat(parsed.options.format);
    const positionals = bindPositionals(command.name, command.positionals ?? [], parsed.positionals);
    const globals: Record<string, string | boolean | readonly string[] | undefined> = {};
    for (const g of program.globals ?? []) {
      const value = parsed.options[g.name];
      globals[g.name] =
        value === undefined || value === "" ? (g.env ? io.env[g.env] || undefined : undefined) : value;
    }
    const own = Object.fromEntries((command.options ?? []).map((o) => [o.name, parsed.options[o.name]]));
    let built: { value: S } | undefined;
    const context: CommandContext<S> = {
      options: own,
      positionals,
      globals,
      io,
      setup: () => {
        if (!built) {
          if (!program.setup) throw new Error(`${program.name} has no setup`);
          built = { value: program.setup(globals, io) };
        }
        return built.value;
      },
    };
    const result = await command.run(context);
    io.stdout(renderResult(result, format, parsed.options.column as readonly string[] | undefined));
    return EXIT.ok;
  } catch (error) {
    return report(program, command, error, io);
  }
}

/**
 * The command named by the first words of the positionals (longest name first). Global options may come
 * before it: the values of those that take one are skipped (`almanach --almanach-url X version`).
 */
function findCommand<S>(
  program: CliProgram<S>,
  argv: readonly string[],
): { command: CommandSpec<S>; at: number; words: number } | undefined {
  const takesValue = new Set<string>();
  const kit = [formatOption(program.formatShort), columnOption(program.formatShort)];
  for (const o of [...(program.globals ?? []), ...kit]) {
    if (o.type === "boolean") continue;
    for (const name of [o.name, ...(o.aliases ?? [])]) {
      takesValue.add(`--${name}`);
      if (program.dashes === "single") takesValue.add(`-${name}`);
    }
    if (o.short) takesValue.add(`-${o.short}`);
  }
  let at = 0;
  while (at < argv.length) {
    const token = argv[at] as string;
    if (!token.startsWith("-") || token === "-") break;
    at += takesValue.has(token) ? 2 : 1;
  }
  if (at >= argv.length) return undefined;
  // Only consecutive words that are not options can name a command.
  const words: string[] = [];
  for (let i = at; i < argv.length && !(argv[i] as string).startsWith("-"); i++)
    words.push(argv[i] as string);
  let best: { command: CommandSpec<S>; words: number } | undefined;
  for (const command of program.commands) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      const parts = name.split(" ");
      if (parts.length > words.length || (best && best.words >= parts.length)) continue;
      if (parts.every((p, i) => p.toLowerCase() === (words[i] ?? "").toLowerCase())) {
        best = { command, words: parts.length };
      }
    }
  }
  return best ? { ...best, at } : undefined;
}

/** The program's default command, when the line names no command and asks for no help or version. */
function defaultCommand<S>(
  program: CliProgram<S>,
  argv: readonly string[],
): { command: CommandSpec<S>; at: number; words: number } | undefined {
  if (!program.defaultCommand) return undefined;
  if (argv.length > 0 && !(argv[0] as string).startsWith("-")) return undefined;
  if (argv.some((a) => a === "--help" || a === "-h" || a === "--version")) return undefined;
  const command = program.commands.find((c) => c.name === program.defaultCommand);
  return command ? { command, at: 0, words: 0 } : undefined;
}

function report<S>(
  program: CliProgram<S>,
  command: CommandSpec<S> | undefined,
  error: unknown,
  io: CliIo,
): number {
  const code = exitCodeOf(error);
  const where = command ? ` ${command.name}` : "";
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    io.stderr(`${program.name}${where}: ${message} (see '${program.name}${where} --help')\n`);
    return code;
  }
  const first = isSdkError(error) || code !== EXIT.unexpected ? message : `unexpected error: ${message}`;
  io.stderr(`${program.name}${where}: ${first.split("\n")[0]}\n`);
  for (const line of program.describeError?.(error, command) ?? []) io.stderr(`  ${line}\n`);
  return code;
}

/**
 * Run a program as the process's `main`: real stdin/stdout/stderr and environment, and exit once both
 * streams are flushed (idle keep-alive sockets would otherwise hold the process open for seconds).
 * @public
 */
export async function runMain<S>(program: CliProgram<S>): Promise<never> {
  // A CLI process sends a few requests. undici parses HTTP with llhttp, compiled to WebAssembly as one very
  // large function, which V8 re-compiles with its optimising tier as soon as it has run a little: 0.1–0.15 s
  // of CPU in a fresh process, more than a few responses can win back. A larger budget keeps the baseline
  // code until the parser has run ~50× longer (a busy parser still tiers up). Set before the first request
  // compiles the module; the flag concerns WebAssembly only.
  setFlagsFromString("--wasm-tiering-budget=100000000");
  const code = await runCli(program, process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
  return new Promise<never>(() => {
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  });
}
