/** The URLs a fresh `node` resolves while importing `entry` (a file path), `node:` built-ins left out. */
export function urlsLoadedBy(entry: string): string[];
/** The npm packages among `urls`, each once. */
export function packagesOf(urls: readonly string[]): string[];
/** How many zod schemas a fresh `node` builds importing `entry`, then running `afterImport` (`mod` is the module). */
export function zodSchemasBuiltBy(entry: string, afterImport?: string): number;
