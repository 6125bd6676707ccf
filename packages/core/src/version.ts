import { createRequire } from "node:module";

// A CLI bundle (tooling/build/bundle-cli.mjs) carries core inside it, where ../package.json is not core's: the
// bundler replaces this name with core's version, read at build time (the build runs after `changeset version`,
// so the constant is the released one). Everywhere else it is undefined and the version is read at run time,
// so a changesets version bump needs no code change. dist/version.js → ../package.json.
declare const __METERKIT_CORE_VERSION__: string | undefined;

/** The version of `@meterkit/core`. @public */
export const VERSION: string =
  typeof __METERKIT_CORE_VERSION__ === "string"
    ? __METERKIT_CORE_VERSION__
    : (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/** `@meterkit/core/<version> node/<version>`, the tail of every User-Agent. @internal */
export const USER_AGENT = `@meterkit/core/${VERSION} node/${process.versions.node}`;
