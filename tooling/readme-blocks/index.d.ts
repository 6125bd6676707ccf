/** The bodies of the ```<lang> blocks of a Markdown file (default `ts`), in order. */
export declare function codeBlocks(markdownUrl: URL | string, lang?: string): string[];

/** Runs README blocks as modules beside a test, in a scratch working directory. */
export interface ReadmeRunner {
  /** The scratch directory blocks run in. */
  readonly scratch: string;
  /** Write `code` as a module (package imports pointed at `imports`) and import it; resolves to its exports. */
  run(code: string): Promise<Record<string, unknown>>;
  /** Remove the scratch directory. */
  close(): void;
}

/**
 * A runner for one README's blocks. `near` is the calling test's `import.meta.url`; `imports` maps a
 * package specifier to the file (relative to the test) that replaces it.
 */
export declare function readmeRunner(options: {
  near: string;
  imports?: Readonly<Record<string, string>>;
}): ReadmeRunner;
