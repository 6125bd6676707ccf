/**
 * @packageDocumentation
 * `@meterkit/core/testing`: record real exchanges to a cassette and replay them in unit tests.
 */

export type { CassetteDispatcher, CassetteMatch, CassetteMode, CassetteOptions } from "./cassette.js";
export { CassetteMismatchError, cassetteDispatcher } from "./cassette.js";
export type { Cassette, RecordedExchange } from "./cassette-file.js";
export { interceptGlobalDispatcher, withCassette } from "./global-cassette.js";
export { seededRandom } from "./seeded.js";
