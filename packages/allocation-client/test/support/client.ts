/** What the integration tests import from the package, plus a type-safe state-conflict check. */
import { isSdkError } from "@meterkit/core";

export { collect, createWaldurClient, type Generation } from "../../src/index.js";
export const isStateConflict = (e: unknown) => isSdkError(e, "state_conflict");
