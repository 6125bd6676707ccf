import { createRequire } from "node:module";

// Read at run time so a changesets version bump needs no code change. dist/version.js → ../package.json.
const pkg = createRequire(import.meta.url)("../package.json") as { version: string };

/** The version of `@meterkit/core`. @public */
export const VERSION: string = pkg.version;

/** `@meterkit/core/<version> node/<version>`, the tail of every User-Agent. @internal */
export const USER_AGENT = `@meterkit/core/${VERSION} node/${process.versions.node}`;
